// The sweep table's note column (issue 19): cells identical by construction
// say which cell they equal, and a p50 over 3x cache-aside x ttl's is flagged,
// with its reason when the median request was not a cache hit.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>
#include <nlohmann/json.hpp>

#include "results/result_store.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using cachelab::testing::RunCli;
using cachelab::testing::TempDir;

TEST_CASE("sweep notes: identical cells name their twin; a slow median is flagged from the stored numbers") {
  TempDir dir("sweep-notes");
  // experiments/default.toml's workload, shortened; tags with one tag per 100 keys.
  std::ofstream(dir / "e.toml") << "keys = 100000\nalpha = 0.99\nread-fraction = 0.9\nrate = 20000\n"
                                   "requests = 40000\nttl = \"2s\"\n"
                                   "strategy = [\"cache-aside\", \"read-through\", \"write-through\"]\n"
                                   "invalidation = [\"ttl\", \"ttl-only\", \"tags\", \"pubsub\"]\n"
                                   "[sweep]\nname = \"notes\"\n";
  auto r = RunCli("sweep " + (dir / "e.toml") + " --json --db " + (dir / "a.db"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto points = nlohmann::json::parse(r.out);
  REQUIRE(points.size() == 12);
  // Independent expectation for the flag: the stored runs' own p50 and hits.
  std::map<std::string, cachelab::RunReport> runs;
  cachelab::ResultStore store(dir / "a.db", true);
  for (const auto& s : store.ListRuns()) {
    cachelab::RunReport run = store.LoadRun(s.id);
    runs[run.ConfigValue("strategy") + " " + run.ConfigValue("invalidation")] = run;
  }
  double base = runs.at("cache-aside ttl").GetNumber("latency_us.p50");
  for (const auto& p : points) {
    std::string s = p["point"]["strategy"], inv = p["point"]["invalidation"];
    INFO(s << " x " << inv);
    std::string note = p.value("note", "");
    const cachelab::RunReport& run = runs.at(s + " " + inv);
    CHECK((note.find("= cache-aside x " + inv + ":") == 0) == (s == "read-through"));
    CHECK((note.find("= write-through x ttl:") == 0) == (s == "write-through" && inv == "ttl-only"));
    // No near caches here: under write-through pub/sub has nothing to drop (docs/invalidation.md).
    CHECK((note.find("n/a: no near caches") == 0) == (s == "write-through" && inv == "pubsub"));
    bool slow = run.GetNumber("latency_us.p50") > 3 * base;
    CHECK((note.find("x cache-aside x ttl's") != std::string::npos) == slow);
    if (slow && run.GetNumber("hits") < run.GetNumber("requests") / 2)
      CHECK(note.find("so the median request is a miss") != std::string::npos);
  }
  // The flag has something to flag here: cache-aside x tags' median is a miss.
  CHECK(runs.at("cache-aside tags").GetNumber("latency_us.p50") > 3 * base);

  // The table (from the stored runs: nothing reruns) prints "=" instead of
  // repeating the numbers of a cell whose twin, with identical numbers, is in it.
  auto table = RunCli("sweep " + (dir / "e.toml") + " --db " + (dir / "a.db"));
  REQUIRE(table.exit_code == 0);
  std::istringstream lines(table.out);
  int rows = 0;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream cells(line);
    std::string s, inv, first_metric;
    cells >> s >> inv >> first_metric;
    if (!runs.count(s + " " + inv)) continue;
    ++rows;
    INFO(line);
    bool twin = s == "read-through" || (s == "write-through" && inv == "ttl-only");
    CHECK((first_metric == "=") == twin);
    // The twin's numbers really are the same as the stored runs say.
    if (twin) {
      const cachelab::RunReport& a = runs.at(s + " " + inv);
      const cachelab::RunReport& b = runs.at(s == "read-through" ? "cache-aside " + inv : "write-through ttl");
      for (const char* m : {"hit_ratio", "latency_us.p50", "latency_us.p99", "db_queries", "stale_reads"})
        CHECK(a.GetNumber(m) == b.GetNumber(m));
    }
  }
  CHECK(rows == 12);
}

// The comparison table of `cachelab run` (not a sweep) carries the same notes:
// a note column with the cell's mark and a footnote number, the reason once
// under the table, "=" for a twin with the same numbers. The expectation comes
// from the runs' own JSON (pair_same_as, pair_note and the numbers).
TEST_CASE("run comparison table: matrix notes as marks and footnotes, n/a for an idle scheme") {
  std::string args = "run --strategy cache-aside,read-through,write-through --invalidation ttl,ttl-only,pubsub "
                     "--requests 20000 --no-store";
  auto json = RunCli(args + " --json");
  auto table = RunCli(args);
  INFO(json.err << table.err);
  REQUIRE(json.exit_code == 0);
  REQUIRE(table.exit_code == 0);
  std::map<std::string, nlohmann::json> runs;
  for (const auto& r : nlohmann::json::parse(json.out))
    runs[r["strategy"].get<std::string>() + " " + r["invalidation"].get<std::string>()] = r;
  REQUIRE(runs.size() == 9);
  std::istringstream lines(table.out);
  std::vector<std::string> all;
  for (std::string line; std::getline(lines, line);) all.push_back(line);
  REQUIRE(all.size() > 2);
  CHECK(all[0].substr(all[0].rfind(' ') + 1) == "note");
  auto footnote = [&](const std::string& ref) {  // "[2]" -> its text
    for (const auto& l : all)
      if (l.rfind(ref + " ", 0) == 0) return l.substr(ref.size() + 1);
    return std::string("(no footnote " + ref + ")");
  };
  int rows = 0;
  for (const auto& line : all) {
    std::istringstream cells(line);
    std::string s, inv, first;
    cells >> s >> inv >> first;
    if (!runs.count(s + " " + inv)) continue;
    ++rows;
    INFO(line);
    const auto& r = runs.at(s + " " + inv);
    std::string same = r.value("pair_same_as", ""), note = r.value("pair_note", "");
    // Which cells are twins or idle, by the documented matrix (docs/invalidation.md).
    bool twin = s == "read-through" || (s == "write-through" && inv == "ttl-only");
    bool idle = s == "write-through" && inv == "pubsub";
    CHECK(!same.empty() == twin);
    CHECK(note.empty() == !(twin || idle));
    size_t open = line.rfind(" ["), close = line.rfind(']');
    if (twin || idle) {
      REQUIRE(open != std::string::npos);
      std::string mark = line.substr(0, open);
      mark = mark.substr(mark.rfind(twin ? "= " : "n/a"));
      CHECK(mark == (twin ? "= " + same : "n/a"));
      CHECK(footnote(line.substr(open + 1, close - open)) == note);
    } else {
      CHECK(line.find('[') == std::string::npos);
    }
    // "=" exactly when the twin's numbers in the JSON are the same.
    if (twin) {
      const auto& t = runs.at(s == "read-through" ? "cache-aside " + inv : "write-through ttl");
      bool equal = true;
      for (const char* m : {"hit_ratio", "stale_read_ratio", "db_queries", "read_latency_us"})
        equal &= r[m] == t[m];
      CHECK((first == "=") == equal);
    } else {
      CHECK(first != "=");
    }
  }
  CHECK(rows == 9);
  CHECK(table.out.find("n/a: the scheme has nothing to act on") != std::string::npos);

  // One invalidation scheme, every strategy: the note column is there too.
  auto strategies = RunCli("run --strategy all --requests 20000 --no-store");
  REQUIRE(strategies.exit_code == 0);
  CHECK(strategies.out.find("= cache-aside x ttl [1]") != std::string::npos);
  CHECK(strategies.out.find("[1] = cache-aside x ttl: same read path") != std::string::npos);
}

TEST_CASE("refresh-ahead that refreshed nothing is marked as cache-aside's run; one that refreshed is not") {
  // Expectation by the TTL arithmetic: at 20,000 requests/s a 1 s run never
  // reaches the last 20% of a 10 s TTL (no refresh can start), a 20 s run does.
  for (const char* requests : {"20000", "400000"}) {
    auto json = RunCli(std::string("run --strategy cache-aside,refresh-ahead --requests ") + requests +
                       " --no-store --json");
    INFO(json.err);
    REQUIRE(json.exit_code == 0);
    auto runs = nlohmann::json::parse(json.out);
    REQUIRE(runs.size() == 2);
    const auto& ca = runs[0];
    const auto& ra = runs[1];
    REQUIRE(ra["strategy"] == "refresh-ahead");
    const bool refreshed = ra["refresh_ahead_reloads"].get<int64_t>() > 0;
    CHECK(refreshed == (std::string(requests) == "400000"));
    CHECK(ra.value("pair_same_as", "") == (refreshed ? "" : "cache-aside x ttl"));
    if (!refreshed) {  // and the twin really is the same run
      CHECK(ra["hits"] == ca["hits"]);
      CHECK(ra["db_reads"] == ca["db_reads"]);
      CHECK(ra["latency_us"] == ca["latency_us"]);
    }
  }
}
