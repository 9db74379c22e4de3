// cachelab sweep: identical stored results whatever --jobs is, and an
// interrupted (killed) sweep resumes running only the missing run keys.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <cmath>
#include <nlohmann/json.hpp>

#include "results/report_json.h"
#include "results/result_store.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using cachelab::testing::RunCli;
using cachelab::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// Everything stored about each run but the wall-clock fields, by run key.
std::map<std::string, std::string> Stored(const std::string& db) {
  cachelab::ResultStore store(db, true);
  std::map<std::string, std::string> out;
  for (const auto& s : store.ListRuns()) {
    cachelab::RunReport r = store.LoadRun(s.id);
    auto j = cachelab::ReportToJson(r);
    j["summary"] = cachelab::FieldsToJson(r, /*include_wall_clock=*/false);
    out[r.run_key] = j.dump();
  }
  return out;
}

const char* kFile =
    "requests = 4000\nkeys = 2000\n"
    "alpha = [0.7, 1.1]\nstrategy = [\"cache-aside\", \"write-through\"]\n"
    "[sweep]\nname = \"t\"\nreplications = 2\n";

}  // namespace

TEST_CASE("stored results do not depend on --jobs") {
  TempDir dir("sweep-test");
  std::ofstream(dir / "e.toml") << kFile;
  auto a = RunCli("sweep " + (dir / "e.toml") + " --jobs 1 --db " + (dir / "a.db"));
  auto b = RunCli("sweep " + (dir / "e.toml") + " --jobs 2 --db " + (dir / "b.db"));
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  auto ra = Stored(dir / "a.db"), rb = Stored(dir / "b.db");
  CHECK(ra.size() == 8);
  CHECK(ra == rb);
  CHECK(a.out == b.out);  // the summary table (with its confidence intervals) too
  CHECK(a.out.find("±") != std::string::npos);
  // Non-TTY progress: plain lines.
  CHECK(a.err.find("sweep: 8/8 runs done (100%)") != std::string::npos);
}

TEST_CASE("--json gives each point's mean and 95% CI, computed from the stored runs") {
  TempDir dir("sweep-test");
  std::ofstream(dir / "e.toml") << kFile;
  auto r = RunCli("sweep " + (dir / "e.toml") + " --json --db " + (dir / "a.db"));
  REQUIRE(r.exit_code == 0);
  auto points = nlohmann::json::parse(r.out);
  REQUIRE(points.size() == 4);
  // Independent expectation: the two replications' hit ratios as stored, by point.
  std::map<std::string, std::vector<double>> hit;
  cachelab::ResultStore store(dir / "a.db", true);
  for (const auto& s : store.ListRuns()) {
    cachelab::RunReport run = store.LoadRun(s.id);
    hit[run.ConfigValue("alpha") + "/" + run.ConfigValue("strategy")].push_back(run.GetNumber("hit_ratio"));
  }
  for (const auto& p : points) {
    const auto& xs = hit.at(p["point"]["alpha"].get<std::string>() + "/" + p["point"]["strategy"].get<std::string>());
    REQUIRE(xs.size() == 2);
    const auto& m = p["metrics"]["hit_ratio"];
    CHECK(p["runs"] == 2);
    CHECK(m["mean"].get<double>() == Approx((xs[0] + xs[1]) / 2));
    // n = 2: t(0.975, 1) = 12.706, s = |x0 - x1| / sqrt(2), half width = t * s / sqrt(2).
    CHECK(m["ci95_half_width"].get<double>() == Approx(12.7062 * std::abs(xs[0] - xs[1]) / 2).epsilon(1e-4));
  }
}

TEST_CASE("--no-store runs every point, prints the same summary and writes no file") {
  TempDir dir("sweep-test");
  std::ofstream(dir / "e.toml") << kFile;
  auto stored = RunCli("sweep " + (dir / "e.toml") + " --json --db " + (dir / "a.db"));
  REQUIRE(stored.exit_code == 0);
  auto bare = RunCli("sweep " + (dir / "e.toml") + " --json --no-store --db " + (dir / "b.db"));
  REQUIRE(bare.exit_code == 0);
  CHECK(bare.out == stored.out);  // the same seeds, so the same means and intervals
  CHECK(bare.err.find("not stored (--no-store); running 8 on") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "b.db"));
}

TEST_CASE("--dry-run lists the runs and runs nothing") {
  TempDir dir("sweep-test");
  std::ofstream(dir / "e.toml") << kFile;
  auto r = RunCli("sweep " + (dir / "e.toml") + " --dry-run --db " + (dir / "a.db"));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("8 runs (4 points x 2 replications); nothing was run") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "a.db"));
}

TEST_CASE("a killed sweep keeps its finished runs and the rerun runs only the missing keys") {
  TempDir dir("sweep-test");
  // Slow enough runs that the kill lands mid-sweep.
  std::ofstream(dir / "e.toml") << "requests = 150000\nalpha = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2]\n";
  std::string db = dir / "r.db";
  pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    std::string file = dir / "e.toml";
    execl(CACHELAB_CLI, CACHELAB_CLI, "sweep", file.c_str(), "--jobs", "1", "--db", db.c_str(), (char*)nullptr);
    _exit(127);
  }
  int64_t stored = 0;
  for (int i = 0; i < 3000 && stored < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (fs::exists(db)) {
      try {
        stored = cachelab::ResultStore(db, true).RunCount();
      } catch (const std::exception&) {
      }
    }
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  auto before = Stored(db);
  REQUIRE(before.size() >= 2);
  INFO("runs stored before the kill: " << before.size());
  if (before.size() == 8) WARN("the sweep finished before the kill; the resume path still runs");

  auto r = RunCli("sweep " + (dir / "e.toml") + " --jobs 2 --db " + db);
  REQUIRE(r.exit_code == 0);
  std::string expect = std::to_string(before.size()) + " already in " + db + "; running " +
                       std::to_string(8 - before.size()) + " on";
  CHECK(r.err.find(expect) != std::string::npos);
  auto after = Stored(db);
  CHECK(after.size() == 8);
  CHECK(cachelab::ResultStore(db, true).RunCount() == 8);  // nothing stored twice
  for (const auto& [key, content] : before) CHECK(after.at(key) == content);

  // A third run has nothing left to do, and still prints the summary from the store.
  auto again = RunCli("sweep " + (dir / "e.toml") + " --db " + db);
  CHECK(again.err.find("8 already in") != std::string::npos);
  CHECK(again.err.find("running 0 on") != std::string::npos);
  CHECK(again.out == r.out);
}

TEST_CASE("--list prints self-contained run commands whose results merge into the sweep's keys") {
  TempDir dir("sweep-test");
  std::ofstream(dir / "e.toml") << "requests = 2000\nkeys = 500\nalpha = [0.7, 1.1]\nvalue-size = \"uniform(100,200)\"\n";
  auto list = RunCli("sweep " + (dir / "e.toml") + " --list --list-dir " + (dir / "parts"));
  REQUIRE(list.exit_code == 0);
  CHECK(list.out.find("--value-size 'uniform(100,200)'") != std::string::npos);
  fs::create_directories(dir / "parts");
  std::istringstream lines(list.out);
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    REQUIRE(line.rfind("cachelab run ", 0) == 0);
    std::string cmd = std::string(CACHELAB_CLI) + line.substr(8) + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
  }
  CHECK(n == 2);
  std::string parts;
  for (const auto& e : fs::directory_iterator(dir / "parts"))
    if (e.path().extension() == ".db") parts += " " + e.path().string();
  auto merged = RunCli("merge " + (dir / "all.db") + parts);
  REQUIRE(merged.exit_code == 0);
  // The merged file holds exactly the sweep's run keys: resuming there runs nothing.
  auto sweep = RunCli("sweep " + (dir / "e.toml") + " --db " + (dir / "all.db"));
  CHECK(sweep.err.find("2 already in") != std::string::npos);
  CHECK(sweep.err.find("running 0 on") != std::string::npos);
}
