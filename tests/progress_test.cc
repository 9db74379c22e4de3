// Long work shows progress (issue 17): a pass over a big trace (indexing,
// profiling, replaying, converting) and a long dry run report how far they
// are on stderr, rate-limited, on a terminal or with --progress, and never on
// stdout (--json stays one parseable document).
// The meter's rate limit is set by CACHELAB_PROGRESS_INTERVAL_MS: 0 here, so
// an update is due at every check (every 65,536 requests of a trace pass,
// every 1,024 runs of a dry run) and the expected counts follow from the
// input sizes alone, whatever the machine's speed.
#include <algorithm>
#include <cstdint>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "sim/progress_meter.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

namespace cachelab {
namespace {

using testing::RunCli;

const char* kEveryCheck = "CACHELAB_PROGRESS_INTERVAL_MS=0";

std::vector<std::string> LinesWith(const std::string& text, const std::string& needle) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) out.push_back(line);
  return out;
}

// A txt trace of n requests over 1,000 objects.
std::string WriteTrace(const testing::TempDir& dir, int n) {
  std::string path = dir / "big.txt";
  std::ofstream f(path);
  for (int64_t i = 0; i < n; ++i) f << (i * 7919) % 1000 << "\n";  // int64: i * 7919 passes 2^31
  return path;
}

TEST_CASE("a meter reports at its checks, then once more when done, only to an installed sink") {
  ::unsetenv("CACHELAB_PROGRESS_INTERVAL_MS");
  std::vector<std::pair<uint64_t, bool>> seen;  // (done, finished)
  SECTION("no sink: nothing") {
    SetProgressSink({});
    ProgressMeter m("work", "items", 100, 10);
    for (uint64_t i = 0; i <= 100; ++i) m.Tick(i);
    m.Finish(100);
    CHECK_FALSE(HasProgressSink());
  }
  SECTION("interval 0: every check; the last update says done with the total") {
    SetProgressSink([&](const ProgressUpdate& u) {
      seen.push_back({u.done, u.finished});
      if (!u.finished) CHECK(u.fraction == Approx(static_cast<double>(u.done) / 100));
      else CHECK(u.complete);
    }, 0);
    {
      ProgressMeter m("work", "items", 100, 10);
      for (uint64_t i = 0; i < 100; ++i) m.Tick(i);
      m.Finish(100);
    }
    std::vector<std::pair<uint64_t, bool>> want;
    for (uint64_t d = 10; d < 100; d += 10) want.push_back({d, false});
    want.push_back({100, true});
    CHECK(seen == want);
  }
  SECTION("an interval longer than the work: silent, and no closing update either") {
    SetProgressSink([&](const ProgressUpdate& u) { seen.push_back({u.done, u.finished}); }, 3600);
    ProgressMeter m("work", "items", 100, 1);
    for (uint64_t i = 0; i < 100; ++i) m.Tick(i);
    m.Finish(100);
    CHECK(seen.empty());
  }
  SECTION("work that ends by an error closes its line as incomplete") {
    bool complete = true;
    SetProgressSink([&](const ProgressUpdate& u) {
      seen.push_back({u.done, u.finished});
      if (u.finished) complete = u.complete;
    }, 0);
    {
      ProgressMeter m("work", "items", 100, 10);
      for (uint64_t i = 0; i < 35; ++i) m.Tick(i);
    }  // no Finish: an exception or an error return
    REQUIRE(seen.size() == 4);
    CHECK(seen.back() == std::pair<uint64_t, bool>{30, true});
    CHECK_FALSE(complete);
  }
  SetProgressSink({});
}

TEST_CASE("trace stats --progress: lines on stderr, the JSON on stdout intact") {
  testing::TempDir dir("cachelab-progress-stats");
  const int n = 300000;  // checks at 65,536 x 1..4
  std::string trace = WriteTrace(dir, n);
  auto r = RunCli("trace stats " + trace + " --no-store --json --progress", "", kEveryCheck);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);  // throws if a progress line got in
  CHECK(j["requests"] == n);
  auto lines = LinesWith(r.err, "profiling " + trace + ": ");
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].find("65,536 requests") != std::string::npos);
  CHECK(lines[3].find("262,144 requests") != std::string::npos);
  // The file fraction: 65,536 of 300,000 lines is about 22% of its bytes
  // (lines are 1 to 4 characters, so roughly; the reader runs up to 1 MiB ahead,
  // here the whole file).
  CHECK(lines[0].find("%") != std::string::npos);
  CHECK(lines[4].find("profiling " + trace + ": done, 300,000 requests in ") == 0);

  SECTION("without --progress, stderr not a terminal: quiet") {
    auto q = RunCli("trace stats " + trace + " --no-store --json", "", kEveryCheck);
    REQUIRE(q.exit_code == 0);
    CHECK(LinesWith(q.err, "profiling").empty());
    CHECK(nlohmann::json::parse(q.out)["requests"] == n);
  }
}

TEST_CASE("replay --progress reports reading the trace; run --progress reports indexing as JSON lines") {
  testing::TempDir dir("cachelab-progress-replay");
  const int n = 200000;  // checks at 65,536 x 1..3
  std::string trace = WriteTrace(dir, n);
  auto r = RunCli("replay --trace " + trace + " --policy lru --size 100 --window 50000 --no-store --json --progress", "",
                  kEveryCheck);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j[0]["requests"] == n);
  CHECK(LinesWith(r.err, "reading " + trace + ": ").size() == 4);  // three updates and "done"

  // The dashboard's mode: every stderr line is a JSON object.
  auto run = RunCli("run --trace " + trace + " --max-requests 1000 --no-store --json --progress", "", kEveryCheck);
  REQUIRE(run.exit_code == 0);
  CHECK(nlohmann::json::parse(run.out)["trace_requests"] == n);
  int phases = 0;
  bool finished = false;
  std::istringstream err(run.err);
  for (std::string line; std::getline(err, line);) {
    auto o = nlohmann::json::parse(line);
    if (o["type"] != "phase") continue;
    ++phases;
    CHECK(o["what"] == "indexing " + trace);
    CHECK(o["unit"] == "requests");
    if (o["finished"] == true) {
      finished = true;
      CHECK(o["done"] == n);
    }
  }
  CHECK(phases == 4);
  CHECK(finished);
}

TEST_CASE("a long dry run shows progress on stderr, its table on stdout unchanged") {
  testing::TempDir dir("cachelab-progress-dry");
  {
    std::ofstream f(dir / "big.toml");
    f << "requests = 100\nkeys = 100\nseed = [";
    for (int i = 1; i <= 150; ++i) f << i << (i < 150 ? "," : "]\n");
    f << "hz = [";
    for (int i = 1; i <= 100; ++i) f << i << (i < 100 ? "," : "]\n");
  }
  auto r = RunCli("sweep --dry-run --progress " + (dir / "big.toml"), "", kEveryCheck);
  REQUIRE(r.exit_code == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 15000 + 3);  // header, rule, rows, total
  auto lines = LinesWith(r.err, "dry run: ");
  REQUIRE(lines.size() == 15000 / 1024 + 1);  // a check every 1,024 runs, and "done"
  CHECK(lines[0].find("dry run: 7%, 1,024 runs") == 0);  // 1024 / 15000
  CHECK(lines.back().find("dry run: done, 15,000 runs in ") == 0);
  CHECK(LinesWith(r.out, "dry run").empty());
}

TEST_CASE("replay --mrc --progress reports the one-pass LRU curve; JSON stays clean") {
  testing::TempDir dir("cachelab-progress-mrc");
  const int n = 200000;  // checks at 65,536 x 1..3
  std::string trace = WriteTrace(dir, n);
  auto r = RunCli("replay --trace " + trace + " --policy lru --mrc --no-store --json --progress", "", kEveryCheck);
  REQUIRE(r.exit_code == 0);
  CHECK_NOTHROW(nlohmann::json::parse(r.out));  // throws if a progress line got in
  auto lines = LinesWith(r.err, "LRU curve: ");
  REQUIRE(lines.size() == 4);  // three updates and "done"
  CHECK(lines[3].find("LRU curve: done, 200,000 requests in ") == 0);
  auto quiet = RunCli("replay --trace " + trace + " --policy lru --mrc --no-store --json", "", kEveryCheck);
  CHECK(LinesWith(quiet.err, "LRU curve").empty());
}

}  // namespace
}  // namespace cachelab
