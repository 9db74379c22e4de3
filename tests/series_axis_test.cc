// A series' axis (what its t counts) survives the whole path: the producer sets
// it, the results store keeps it, `cachelab export` (long and wide CSV, JSON)
// names it. Request-indexed series (the eviction demo, replay windows of a trace
// without times) export request counts, not seconds; time series still export
// seconds as `t_s`; a version 1 store (no axis column) still reads, as time.
// Events have an axis too (version 3): a replay's warm-up end on a trace
// without times is a request number, exported as `t_requests`, never as ns.
// Expectations are hand-known: the eviction demo's constants (400,000 requests,
// windows of 10,000, a scan of 4,000 one-time keys before every 20,000th hot
// request), the hand-replayed 8-request trace of replay_windows_test, and rows
// written with raw SQL in the version 1 schema.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "results/export.h"
#include "results/report_json.h"
#include "results/result_store.h"
#include "support/csv_line.h"
#include "support/raw_sqlite.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using namespace cachelab;
using cachelab::testing::Lines;
using cachelab::testing::Raw;
using cachelab::testing::RunCli;
using cachelab::testing::SplitCsvLine;
using cachelab::testing::TempDir;

namespace {

// The long CSV's rows of one series: (t_s, value, axis, t), by the header's column names.
struct LongRow {
  std::string t_s, value, axis, t;
};
std::vector<LongRow> LongRows(const std::string& csv, const std::string& series) {
  auto lines = Lines(csv);
  REQUIRE(!lines.empty());
  auto header = SplitCsvLine(lines[0]);
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  for (const char* c : {"series", "t_s", "value", "axis", "t"}) REQUIRE(col.count(c));
  std::vector<LongRow> out;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    auto cells = SplitCsvLine(lines[i]);
    REQUIRE(cells.size() == header.size());
    if (cells[col["series"]] != series) continue;
    out.push_back({cells[col["t_s"]], cells[col["value"]], cells[col["axis"]], cells[col["t"]]});
  }
  return out;
}

// The schema as version 1 wrote it (before series.axis), with one run and its
// time series hit_ratio at 1 s and 2 s.
void WriteVersion1Store(const std::string& path) {
  Raw raw(path);
  raw.Exec(R"sql(
CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, kind TEXT NOT NULL,
  label TEXT NOT NULL, seed INTEGER NOT NULL, run_key TEXT, config_json TEXT NOT NULL);
CREATE UNIQUE INDEX runs_run_key ON runs(run_key);
CREATE TABLE run_config (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key));
CREATE TABLE metrics (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, name TEXT NOT NULL, num REAL, text TEXT, is_int INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, name));
CREATE TABLE series (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL, unit TEXT NOT NULL, t_ns INTEGER NOT NULL, value REAL NOT NULL);
CREATE INDEX series_run ON series(run_id, name);
CREATE TABLE histograms (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name TEXT NOT NULL, lower REAL NOT NULL, upper REAL NOT NULL, count INTEGER NOT NULL);
CREATE TABLE events (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  t_ns INTEGER NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL);
INSERT INTO runs VALUES (1, '2026-01-01T00:00:00Z', 'run', 'old', 1, 'k-old', '{}');
INSERT INTO metrics VALUES (1, 0, 'hits', 7, NULL, 1);
INSERT INTO series VALUES (1, 'hit_ratio', 'ratio', 1000000000, 0.5), (1, 'hit_ratio', 'ratio', 2000000000, 0.75);
PRAGMA user_version = 1;
)sql");
}

// Replays (LRU, 2 objects) of ids 1 2 1 3 1 2 3 3 without times (run 1, `untimed`
// flags) and with times 0 0 1 2 5 5 6 9 s (run 2, `timed` flags) into `db`.
void ReplayBoth(const TempDir& dir, const std::string& db, const std::string& untimed, const std::string& timed) {
  std::ofstream(dir / "ids.txt") << "1\n2\n1\n3\n1\n2\n3\n3\n";
  std::ofstream(dir / "timed.csv") << "time,id\n0,1\n0,2\n1,1\n2,3\n5,1\n5,2\n6,3\n9,3\n";
  for (const std::string& args : {"--trace " + (dir / "ids.txt") + " " + untimed,
                                 "--trace " + (dir / "timed.csv") + " " + timed}) {
    auto r = RunCli("replay " + args + " --policy lru --size 2 --ignore-obj-size --db " + db);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
}

}  // namespace

TEST_CASE("the eviction demo's series export request counts, not seconds") {
  TempDir dir("axis-eviction");
  const std::string db = dir / "ev.db";
  auto demo = RunCli("demo eviction --db " + db);
  INFO(demo.err);
  REQUIRE(demo.exit_code == 0);
  ResultStore store(db, /*read_only=*/true);
  auto runs = store.ListRuns();
  REQUIRE(runs.size() == 3);  // lru, lfu, s3fifo
  for (const auto& run : runs) {
    const std::string id = std::to_string(run.id);
    INFO("run " << id << " " << run.label);
    auto csv = RunCli("export --db " + db + " --format csv --run " + id);
    REQUIRE(csv.exit_code == 0);
    CHECK(Lines(csv.out)[0] == "run_id,series,unit,t_s,value,axis,t");
    // 400,000 requests in windows of 10,000: window i ends at request 10,000 (i + 1).
    for (const char* name : {"hot_hit_ratio", "scan_requests"}) {
      INFO(name);
      auto rows = LongRows(csv.out, name);
      REQUIRE(rows.size() == 40);
      for (size_t i = 0; i < rows.size(); ++i) {
        CHECK(rows[i].axis == "requests");
        CHECK(rows[i].t == std::to_string(10000 * (i + 1)));
        CHECK(rows[i].t_s.empty());  // a request count is no time
      }
    }
    // The first scan (requests 20,000..23,999) lies in the window ending at 30,000;
    // the second (44,000..47,999) in the one ending at 50,000; 16 scans in all.
    auto scans = LongRows(csv.out, "scan_requests");
    CHECK(scans[1].value == "0");
    CHECK(scans[2].value == "4000");
    CHECK(scans[3].value == "0");
    CHECK(scans[4].value == "4000");
    double total = 0;
    for (const auto& r : scans) total += std::stod(r.value);
    CHECK(total == 16 * 4000);

    auto wide = RunCli("export --db " + db + " --format csv --wide --run " + id);
    REQUIRE(wide.exit_code == 0);
    auto wl = Lines(wide.out);
    CHECK(wl[0].rfind("t_requests,hot_hit_ratio (", 0) == 0);
    CHECK(wl[1].rfind("10000,", 0) == 0);
    CHECK(wl[40].rfind("400000,", 0) == 0);

    auto json = RunCli("export --db " + db + " --format json --run " + id);
    REQUIRE(json.exit_code == 0);
    auto j = nlohmann::json::parse(json.out);
    for (const char* name : {"hot_hit_ratio", "scan_requests"}) {
      const auto& s = j["series"][name];
      CHECK_FALSE(s.contains("t_s"));
      REQUIRE(s["t_requests"].size() == 40);
      CHECK(s["t_requests"][0] == 10000);
      CHECK(s["t_requests"][39] == 400000);
    }
  }
}

TEST_CASE("replay windows: by requests without times, by seconds with them") {
  TempDir dir("axis-replay");
  const std::string db = dir / "r.db";
  // LRU, 2 objects, ids 1 2 1 3 1 2 3 3 -> M M H M H M M H (replay_windows_test);
  // windows of 3 requests: M M H, M H M, M H. Timed: 3 s windows
  // [0,3) M M H M, [3,6) H M, [6,9) M, [9,12) H.
  ReplayBoth(dir, db, "--window 3", "--window 3s");
  ResultStore store(db, true);
  auto runs = store.ListRuns();
  REQUIRE(runs.size() == 2);

  auto by_requests = RunCli("export --db " + db + " --format csv --run " + std::to_string(runs[0].id));
  REQUIRE(by_requests.exit_code == 0);
  auto req = LongRows(by_requests.out, "window_requests");
  REQUIRE(req.size() == 3);
  const char* ends[] = {"3", "6", "8"};
  const char* counts[] = {"3", "3", "2"};
  for (size_t i = 0; i < 3; ++i) {
    CHECK(req[i].axis == "requests");
    CHECK(req[i].t == ends[i]);
    CHECK(req[i].t_s.empty());
    CHECK(req[i].value == counts[i]);
  }
  auto mr = LongRows(by_requests.out, "miss_ratio");
  REQUIRE(mr.size() == 3);
  CHECK(std::stod(mr[1].value) == Approx(2.0 / 3));
  CHECK(mr[2].t == "8");

  auto by_time = RunCli("export --db " + db + " --format csv --run " + std::to_string(runs[1].id));
  REQUIRE(by_time.exit_code == 0);
  auto timed = LongRows(by_time.out, "window_requests");
  REQUIRE(timed.size() == 4);
  const char* seconds[] = {"3", "6", "9", "12"};
  const char* timed_counts[] = {"4", "2", "1", "1"};
  for (size_t i = 0; i < 4; ++i) {
    CHECK(timed[i].axis == "time");
    CHECK(timed[i].t_s == seconds[i]);  // seconds, as before
    CHECK(timed[i].t == seconds[i]);
    CHECK(timed[i].value == timed_counts[i]);
  }
  auto j = nlohmann::json::parse(RunCli("export --db " + db + " --format json --run " + std::to_string(runs[1].id)).out);
  CHECK(j["series"]["miss_ratio"]["t_s"] == nlohmann::json::array({3.0, 6.0, 9.0, 12.0}));
  CHECK_FALSE(j["series"]["miss_ratio"].contains("t_requests"));
}

TEST_CASE("a simulated run's series stay time, exported in seconds") {
  TempDir dir("axis-run");
  const std::string db = dir / "r.db";
  REQUIRE(RunCli("run --requests 3000 --keys 500 --rate 1000 --window 1s --db " + db).exit_code == 0);
  ResultStore store(db, true);
  RunReport run = store.LoadRun(store.ListRuns().at(0).id);
  REQUIRE(!run.series.empty());
  for (const auto& s : run.series) CHECK(s.axis == SeriesAxis::kTime);
  auto csv = RunCli("export --db " + db + " --format csv --run 1");
  auto hit = LongRows(csv.out, "hit_ratio");
  // 3,000 requests at 1,000/s: windows of 1 s end at 1, 2, 3 s (the last one a bit later or earlier).
  REQUIRE(hit.size() >= 2);
  CHECK(hit[0].axis == "time");
  CHECK(hit[0].t_s == "1");
  CHECK(hit[1].t_s == "2");
  CHECK(hit[0].t == hit[0].t_s);
  auto wide = Lines(RunCli("export --db " + db + " --format csv --wide --run 1").out);
  CHECK(wide[0].rfind("t_s,", 0) == 0);
  CHECK(wide[0].find("t_requests") == std::string::npos);
  CHECK(wide[1].rfind("1,", 0) == 0);
}

TEST_CASE("a version 1 store without series axes reads as time, read-only and after its migration") {
  TempDir dir("axis-v1");
  const std::string db = dir / "v1.db";
  WriteVersion1Store(db);
  {
    ResultStore ro(db, /*read_only=*/true);
    RunReport r = ro.LoadRun(1);
    REQUIRE(r.series.size() == 1);
    CHECK(r.series[0].axis == SeriesAxis::kTime);
    CHECK(r.series[0].t == std::vector<SimTime>{1000000000, 2000000000});
  }
  CHECK(Raw(db).Text("PRAGMA user_version") == "1");  // read-only left it as it was
  auto csv = RunCli("export --db " + db + " --format csv --run 1");
  INFO(csv.err);
  REQUIRE(csv.exit_code == 0);
  CHECK(Lines(csv.out)[1] == "1,hit_ratio,ratio,1,0.5,time,1");

  // Writing migrates: the column is added, the old rows are time, a new run keeps its axis.
  {
    ResultStore rw(db);
    RunReport fresh;
    fresh.kind = "demo";
    fresh.label = "new";
    fresh.series.push_back({"scan_requests", "requests", {10000, 20000}, {0, 4000}, SeriesAxis::kRequests});
    rw.SaveRun(fresh);
  }
  Raw raw(db);
  CHECK(raw.Text("PRAGMA user_version") == std::to_string(ResultStore::kVersion));
  CHECK(raw.Text("SELECT group_concat(axis) FROM series WHERE run_id = 1") == "time,time");
  CHECK(raw.Text("SELECT group_concat(axis) FROM series WHERE run_id = 2") == "requests,requests");
  ResultStore ro(db, true);
  CHECK(ro.LoadRun(1).series.at(0).axis == SeriesAxis::kTime);
  CHECK(ro.LoadRun(2).series.at(0).axis == SeriesAxis::kRequests);
  CHECK(ro.LoadRun(1).GetNumber("hits") == 7);

  // An axis this build does not know (a newer cachelab's) is an error naming it, not a silent time.
  raw.Exec("UPDATE series SET axis = 'furlongs' WHERE run_id = 2");
  CHECK_THROWS_WITH(ro.LoadRun(2), Catch::Contains("furlongs") && Catch::Contains("scan_requests"));
}

TEST_CASE("every axis round-trips the store and names its own column") {
  TempDir dir("axis-all");
  RunReport r;
  r.kind = "trace";
  r.label = "axes";
  r.series = {{"request_rate", "requests/s", {2000000000}, {5}, SeriesAxis::kTime},
              {"footprint", "objects", {100, 200}, {50, 80}, SeriesAxis::kRequests},
              {"rank_frequency", "requests", {1, 2}, {30, 10}, SeriesAxis::kRank},
              {"size_histogram", "requests", {64, 128}, {3, 4}, SeriesAxis::kBytes},
              {"mrc", "miss ratio", {1000}, {0.25}, SeriesAxis::kObjects}};
  {
    ResultStore store(dir / "a.db");
    store.SaveRun(r);
  }
  ResultStore store(dir / "a.db", true);
  RunReport back = store.LoadRun(1);
  REQUIRE(back.series.size() == r.series.size());
  for (size_t i = 0; i < r.series.size(); ++i) {
    CHECK(back.series[i].axis == r.series[i].axis);
    CHECK(back.series[i].t == r.series[i].t);
  }
  auto j = ReportToJson(back);
  CHECK(j["series"]["request_rate"]["t_s"] == nlohmann::json::array({2.0}));
  CHECK(j["series"]["footprint"]["t_requests"] == nlohmann::json::array({100, 200}));
  CHECK(j["series"]["rank_frequency"]["t_rank"] == nlohmann::json::array({1, 2}));
  CHECK(j["series"]["size_histogram"]["t_bytes"] == nlohmann::json::array({64, 128}));
  CHECK(j["series"]["mrc"]["t_objects"] == nlohmann::json::array({1000}));
  // Wide: one position column per axis, each row filling its own.
  auto wide = Lines(SeriesCsv(back));
  CHECK(wide[0].rfind("t_s,t_requests,t_rank,t_bytes,t_objects,request_rate (requests/s),", 0) == 0);
  CHECK(wide[1] == "2,,,,,5,,,,");
  CHECK(wide[2] == ",100,,,,,50,,,");
  CHECK(wide[8] == ",,,,1000,,,,,0.25");
}

TEST_CASE("trace stats stores each series on its own axis") {
  TempDir dir("axis-trace-stats");
  const std::string db = dir / "t.db";
  // No times: ids 1 2 1 3 1 2 3 3 (8 requests, 3 objects; 1 asked 3 times, 2 twice, 3 three times).
  std::ofstream(dir / "ids.txt") << "1\n2\n1\n3\n1\n2\n3\n3\n";
  std::ofstream(dir / "kv.csv") << "time,id,size,ttl\n0,1,10,5\n1,2,20,5\n2,1,10,5\n";
  for (const std::string& args : {dir / "ids.txt", dir / "kv.csv --csv-spec \"time-col=1, obj-id-col=2, obj-size-col=3, ttl-col=4, has-header=true\""}) {
    auto r = RunCli("trace stats " + args + " --db " + db);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  ResultStore store(db, true);
  std::map<std::string, SeriesAxis> axes;
  for (const auto& s : store.LoadRun(1).series) axes[s.name] = s.axis;
  CHECK(axes.at("rank_frequency") == SeriesAxis::kRank);
  CHECK(axes.at("size_histogram") == SeriesAxis::kBytes);
  CHECK(axes.at("reuse_histogram") == SeriesAxis::kRequests);
  CHECK(axes.at("footprint") == SeriesAxis::kRequests);  // no times: requests so far
  RunReport timed = store.LoadRun(2);
  std::map<std::string, const Series*> by_name;
  for (const auto& s : timed.series) by_name[s.name] = &s;
  CHECK(by_name.at("footprint")->axis == SeriesAxis::kTime);
  CHECK(by_name.at("request_rate")->axis == SeriesAxis::kTime);
  // TTL 5 s: the bucket [4, 8) s, kept as time so it exports as 4 seconds, not 4 ns.
  REQUIRE(by_name.count("ttl_histogram"));
  const Series& ttl = *by_name.at("ttl_histogram");
  CHECK(ttl.axis == SeriesAxis::kTime);
  CHECK(ttl.t == std::vector<SimTime>{4 * kSecond});
  CHECK(ReportToJson(timed)["series"]["ttl_histogram"]["t_s"] == nlohmann::json::array({4.0}));
}

TEST_CASE("a replay's warm-up end: a request number without times, seconds with them") {
  TempDir dir("axis-events");
  const std::string db = dir / "r.db";
  // Times 0 0 1 2 5 5 6 9 s: a 2 s warm-up ends at the 4th request, at 2 s (by hand).
  ReplayBoth(dir, db, "--warmup 3", "--warmup 2s");
  Raw raw(db);
  CHECK(raw.Text("SELECT axis || ':' || t_ns FROM events WHERE run_id = 1") == "requests:3");
  CHECK(raw.Text("SELECT axis || ':' || t_ns FROM events WHERE run_id = 2") == "time:2000000000");
  auto untimed = nlohmann::json::parse(RunCli("export --db " + db + " --format json --run 1").out);
  REQUIRE(untimed["events"].size() == 1);
  CHECK(untimed["events"][0]["t_requests"] == 3);  // was "t_s": 3e-09, the request number read as ns
  CHECK_FALSE(untimed["events"][0].contains("t_s"));
  CHECK(untimed["events"][0]["kind"] == "measurement_start");
  auto timed = nlohmann::json::parse(RunCli("export --db " + db + " --format json --run 2").out);
  CHECK(timed["events"][0]["t_s"] == 2.0);
}

TEST_CASE("a version 2 store without event axes reads as time, read-only and after its migration") {
  TempDir dir("axis-v2");
  const std::string db = dir / "v2.db";
  {
    ResultStore store(db);
    RunReport r;
    r.kind = "run";
    r.label = "old";
    r.events = {{5 * kSecond, "crash", "node1"}};
    store.SaveRun(r);
  }
  {
    Raw raw(db);  // as version 2 wrote it: no events.axis (SQLite 3.35+ drops a column)
    raw.Exec("ALTER TABLE events DROP COLUMN axis");
    raw.Exec("PRAGMA user_version=2");
  }
  {
    ResultStore ro(db, /*read_only=*/true);
    RunReport back = ro.LoadRun(1);
    REQUIRE(back.events.size() == 1);
    CHECK(back.events[0].axis == SeriesAxis::kTime);
    CHECK(back.events[0].t == 5 * kSecond);
  }
  CHECK(Raw(db).Text("PRAGMA user_version") == "2");  // read-only left it as it was
  {
    ResultStore rw(db);  // writing migrates
    RunReport fresh;
    fresh.kind = "replay";
    fresh.label = "new";
    fresh.events = {{1000, "measurement_start", "end of the warm-up", SeriesAxis::kRequests}};
    rw.SaveRun(fresh);
  }
  Raw raw(db);
  CHECK(raw.Text("PRAGMA user_version") == std::to_string(ResultStore::kVersion));
  CHECK(raw.Text("SELECT axis FROM events WHERE run_id = 1") == "time");
  CHECK(raw.Text("SELECT axis FROM events WHERE run_id = 2") == "requests");
  ResultStore ro(db, true);
  CHECK(ro.LoadRun(2).events.at(0).axis == SeriesAxis::kRequests);
  raw.Exec("UPDATE events SET axis = 'furlongs' WHERE run_id = 2");
  CHECK_THROWS_WITH(ro.LoadRun(2), Catch::Contains("furlongs") && Catch::Contains("measurement_start"));
}
