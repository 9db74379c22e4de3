// cachelab export's formats for other tools: tidy CSV with shortest round-trip
// numbers and a unit column, HdrHistogram percentile-distribution text (the
// layout of HdrHistogram's AbstractHistogram.outputPercentileDistribution:
// "%12s %14s %10s %14s" header, "%12.3f %2.12f %10d %14.2f" rows, a last row
// without the 1/(1-Percentile) column, three "#[...]" footer lines), and
// memtier_benchmark's JSON layout (run_stats.cpp result_print_to_json: "ALL
// STATS" > Gets/Sets/Waits/Totals with "Percentile Latencies" keyed "p50.00").
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "results/export.h"
#include "results/result_store.h"
#include "support/csv_line.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using cachelab::testing::Lines;
using cachelab::testing::RunCli;
using cachelab::testing::TempDir;

namespace {

// 50 requests at 100 ns, 40 at 200 ns, 10 at 300 ns (exact buckets: upper = lower + 1).
cachelab::HistogramData SmallHistogram() {
  return {"latency_ns", {{100, 101, 50}, {200, 201, 40}, {300, 301, 10}}};
}

}  // namespace

TEST_CASE("numbers are written at their real precision") {
  CHECK(cachelab::ShortestNumber(0.1) == "0.1");
  CHECK(cachelab::ShortestNumber(0.7599999999999999) == "0.7599999999999999");
  CHECK(cachelab::ShortestNumber(1234.5) == "1234.5");
  CHECK(cachelab::ShortestNumber(1e-7) == "1e-07");
  for (double v : {0.1, 1.0 / 3, 2.0 / 3 * 1e12, 5e-324, 1.7976931348623157e308})
    CHECK(std::strtod(cachelab::ShortestNumber(v).c_str(), nullptr) == v);
  CHECK(cachelab::FieldUnit("latency_us.p99") == "us");
  CHECK(cachelab::FieldUnit("memory_bytes_peak") == "bytes");
  CHECK(cachelab::FieldUnit("hit_ratio") == "ratio");
  CHECK(cachelab::FieldUnit("peak_db_qps") == "1/s");
  CHECK(cachelab::FieldUnit("hits") == "");
}

TEST_CASE("hgrm: HdrHistogram's percentile iteration, computed by hand") {
  std::vector<std::string> l = Lines(cachelab::HgrmText(SmallHistogram(), 1.0, {}));
  REQUIRE(l.size() == 2 + 20 + 3);
  CHECK(l[0] == "       Value     Percentile TotalCount 1/(1-Percentile)");
  CHECK(l[1].empty());
  // Levels step by 100/10 below 50%, 100/20 below 75%, 100/40 below 87.5%, 100/80 below 93.75%:
  // 0..50 reached at 100 ns (50%), 55..90 at 200 ns (90%), 91.25 at 300 ns, then 100%.
  const std::vector<std::pair<double, int>> expect = {
      {0, 100},    {10, 100},   {20, 100}, {30, 100},   {40, 100},   {50, 100},   {55, 200},
      {60, 200},   {65, 200},   {70, 200}, {75, 200},   {77.5, 200}, {80, 200},   {82.5, 200},
      {85, 200},   {87.5, 200}, {88.75, 200}, {90, 200}, {91.25, 300}};
  std::regex row(R"(^ *(\d+\.\d{3}) (\d\.\d{12}) +(\d+) +(\d+\.\d{2})$)");
  for (size_t i = 0; i < expect.size(); ++i) {
    std::smatch m;
    INFO(l[2 + i]);
    REQUIRE(std::regex_match(l[2 + i], m, row));
    CHECK(l[2 + i].size() == 12 + 1 + 14 + 1 + 10 + 1 + 14);
    CHECK(std::stod(m[1]) == expect[i].second);
    CHECK(std::stod(m[2]) == Approx(expect[i].first / 100));
    CHECK(std::stoi(m[3]) == (expect[i].second == 100 ? 50 : expect[i].second == 200 ? 90 : 100));
    CHECK(std::stod(m[4]) == Approx(1 / (1 - expect[i].first / 100)).margin(0.005));  // %.2f
  }
  CHECK(l[21] == "     300.000 1.000000000000        100");
  CHECK(l[22] == "#[Mean    =      160.000, StdDeviation   =       66.332]");
  CHECK(l[23] == "#[Max     =      300.000, Total count    =          100]");
  CHECK(std::regex_match(l[24], std::regex(R"(^#\[Buckets = +\d+, SubBuckets     = +\d+\]$)")));
}

TEST_CASE("hgrm: chosen percentiles, scaled to microseconds") {
  cachelab::HistogramData h{"latency_ns", {{99000, 100000, 98}, {2000000, 2016000, 2}}};
  std::vector<std::string> l = Lines(cachelab::HgrmText(h, 1000.0, {50, 99, 99.9, 100}));
  REQUIRE(l.size() == 2 + 4 + 3);
  CHECK(l[2] == "      99.999 0.500000000000         98           2.00");
  CHECK(l[3] == "    2015.999 0.990000000000        100         100.00");
  CHECK(l[4] == "    2015.999 0.999000000000        100        1000.00");
  CHECK(l[5] == "    2015.999 1.000000000000        100");
}

// Found by an audit: the gauges (memory_bytes, cache_keys, the schemes' levels) and
// db_concurrency_peak were stored with an empty unit, so the series CSV and the
// dashboard's axis titles said nothing of bytes against keys. Expected units are
// what each series counts, from where it is measured (lab/experiment.cc,
// sim/sim_database.cc, strategies/invalidation/{tag,version}_invalidation.cc).
TEST_CASE("export: every stored series of a run names its unit") {
  TempDir dir("export-units");
  std::string db = dir / "u.db";
  for (const char* scheme : {"tags", "version"})
    REQUIRE(RunCli(std::string("run --requests 3000 --keys 500 --rate 1000 --invalidation ") + scheme + " --db " + db)
                .exit_code == 0);
  cachelab::ResultStore store(db, true);
  const std::map<std::string, std::string> expected = {
      {"memory_bytes", "bytes"},        {"cache_keys", "count"},        {"db_concurrency_peak", "count"},
      {"tag_set_memory_bytes", "bytes"}, {"tag_stale_members", "count"}, {"orphaned_versions", "count"},
      {"orphaned_bytes", "bytes"}};
  std::set<std::string> seen;
  for (const auto& info : store.ListRuns())
    for (const auto& se : store.LoadRun(info.id).series) {
      INFO(se.name);
      CHECK_FALSE(se.unit.empty());
      auto it = expected.find(se.name);
      if (it != expected.end()) {
        CHECK(se.unit == it->second);
        seen.insert(se.name);
      }
    }
  CHECK(seen.size() == expected.size());
}

TEST_CASE("export: tidy csv, wide csv, hgrm files and memtier json from stored runs") {
  TempDir dir("export-formats");
  std::string db = dir / "r.db";
  REQUIRE(RunCli("run --requests 3000 --keys 500 --rate 1000 --db " + db).exit_code == 0);
  cachelab::ResultStore store(db, true);
  auto runs = store.ListRuns();
  REQUIRE(runs.size() == 1);
  cachelab::RunReport run = store.LoadRun(runs[0].id);
  std::string id = std::to_string(runs[0].id);

  auto summary = RunCli("export --db " + db + " --format csv");
  REQUIRE(summary.exit_code == 0);
  auto s = Lines(summary.out);
  CHECK(s[0] == "run_id,kind,label,name,unit,value");
  bool hit_ratio = false;
  for (const auto& line : s)
    if (line.rfind(id + ",run," + run.label + ",hit_ratio,ratio,", 0) == 0) {
      hit_ratio = true;
      CHECK(std::stod(line.substr(line.rfind(',') + 1)) == run.GetNumber("hit_ratio"));  // round trip, exact
    }
  CHECK(hit_ratio);

  auto series = RunCli("export --db " + db + " --format csv --run " + id);
  REQUIRE(series.exit_code == 0);
  auto t = Lines(series.out);
  CHECK(t[0] == "run_id,series,unit,t_s,value,axis,t");
  size_t points = 0;
  for (const auto& se : run.series) points += se.t.size();
  CHECK(t.size() == points + 1);
  CHECK(t[1].rfind(id + "," + run.series[0].name + "," + run.series[0].unit + ",", 0) == 0);

  auto wide = RunCli("export --db " + db + " --format csv --wide");
  CHECK(Lines(wide.out)[0].rfind("id,created_at,kind,label,seed,run_key", 0) == 0);

  REQUIRE(RunCli("export --db " + db + " --hgrm " + (dir / "h") + " --percentiles 50,99,99.9,99.99").exit_code == 0);
  std::ifstream f(dir / ("h/run-" + id + "-latency.hgrm"));
  std::stringstream hgrm;
  hgrm << f.rdbuf();
  auto hl = Lines(hgrm.str());
  REQUIRE(hl.size() == 2 + 4 + 3);
  // The p99 row agrees with the run's own p99 (the bucket's top vs its midpoint: within 1%).
  CHECK(std::stod(hl[3]) == Approx(run.GetNumber("latency_us.p99")).epsilon(0.01));
  // One file per operation too, each agreeing with that operation's own p99 (issue 15).
  for (const char* op : {"read", "write"}) {
    INFO(op);
    std::ifstream fo(dir / ("h/run-" + id + "-" + op + ".hgrm"));
    REQUIRE(fo);
    std::stringstream text;
    text << fo.rdbuf();
    auto ol = Lines(text.str());
    REQUIRE(ol.size() == 2 + 4 + 3);
    CHECK(std::stod(ol[3]) == Approx(run.GetNumber(std::string(op) + "_latency_us.p99")).epsilon(0.01));
  }

  auto mj = RunCli("export --db " + db + " --format json --json-format memtier --run " + id);
  REQUIRE(mj.exit_code == 0);
  auto j = nlohmann::json::parse(mj.out);
  const auto& all = j["ALL STATS"];
  CHECK(all["Totals"]["Count"] == run.GetNumber("requests"));
  CHECK(all["Gets"]["Count"] == run.GetNumber("reads"));
  CHECK(all["Sets"]["Count"] == run.GetNumber("writes"));
  CHECK(all["Totals"]["Percentile Latencies"]["p99.00"].get<double>() ==
        Approx(run.GetNumber("latency_us.p99") / 1000).epsilon(0.01));
  CHECK(all["Gets"]["Percentile Latencies"]["p99.00"].get<double>() ==
        Approx(run.GetNumber("read_latency_us.p99") / 1000).epsilon(0.01));
  CHECK(all["Sets"]["Percentile Latencies"]["p99.00"].get<double>() ==
        Approx(run.GetNumber("write_latency_us.p99") / 1000).epsilon(0.01));
  CHECK(all["Runtime"]["Time unit"] == "MILLISECONDS");
  int64_t per_window = 0;
  for (const auto& [k, w] : all["Totals"]["Time-Serie"].items()) per_window += w["Count"].get<int64_t>();
  CHECK(per_window == static_cast<int64_t>(run.GetNumber("requests")));

  CHECK(RunCli("export --db " + db + " --hgrm " + (dir / "x") + " --percentiles 50,abc").exit_code == 2);
  CHECK(RunCli("export --db " + db + " --json-format memtier --format csv").exit_code == 2);
  CHECK(RunCli("export --db " + db).exit_code == 2);
}

// A seed above 2^63 (SQLite integers are signed, so the store keeps its bit
// pattern) comes back as given in every export, not as -1 or 0.
TEST_CASE("the largest seed survives the store and every export") {
  TempDir dir("cachelab-export-seed");
  const std::string db = dir / "r.db", seed = "18446744073709551615";  // 2^64 - 1
  REQUIRE(RunCli("run --requests 200 --seed " + seed + " --db " + db).exit_code == 0);
  auto tidy = RunCli("export --db " + db + " --format csv");
  REQUIRE(tidy.exit_code == 0);
  CHECK(tidy.out.find(",seed,," + seed + "\n") != std::string::npos);
  CHECK(tidy.out.find(",-1\n") == std::string::npos);
  auto wide = RunCli("export --db " + db + " --format csv --wide");
  REQUIRE(wide.exit_code == 0);
  CHECK(wide.out.find("," + seed + ",") != std::string::npos);
  auto json = RunCli("export --db " + db + " --format json");
  REQUIRE(json.exit_code == 0);
  auto j = nlohmann::json::parse(json.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["seed"].get<uint64_t>() == 18446744073709551615ULL);
  CHECK(j[0]["summary"]["seed"].get<uint64_t>() == 18446744073709551615ULL);
}

// Found by the independent audit: with every write taking the same time (a 1 ms
// database write, then the DEL's 200 us round trip and 2 us of service, no
// queueing at 100 writes/s: 1,202 us each, computed by hand), memtier's Sets
// block gave "Latency" 0 and no "Max Latency" (the summary keeps only the write
// p50/p99, so the mean came out as a missing field's 0).
TEST_CASE("export: memtier Sets latency of writes that all take 1.202 ms") {
  TempDir dir("export-memtier-sets");
  const std::string db = dir / "r.db";
  REQUIRE(RunCli("run --read-fraction 0 --rate 100 --requests 1000 --db-write-latency 1ms --db " + db).exit_code == 0);
  auto mj = RunCli("export --db " + db + " --format json --json-format memtier --run 1");
  REQUIRE(mj.exit_code == 0);
  const auto sets = nlohmann::json::parse(mj.out)["ALL STATS"]["Sets"];
  CHECK(sets["Count"] == 1000);
  // The histogram's buckets are 1/256 of a power of two wide: within 1%.
  CHECK(sets["Latency"].get<double>() == Approx(1.202).epsilon(0.01));
  CHECK(sets["Average Latency"].get<double>() == Approx(1.202).epsilon(0.01));
  REQUIRE(sets.contains("Max Latency"));
  CHECK(sets["Max Latency"].get<double>() == Approx(1.202).epsilon(0.01));
}

// Found by the independent audit: --hgrm wrote every stored histogram as a latency
// in microseconds, so a run with expiries also got run-<id>-loads_per_expiry.hgrm
// (loads, a count, divided by 1000). Only the three latency files are promised.
TEST_CASE("export: --hgrm writes latency files only") {
  TempDir dir("export-hgrm-only-latency");
  const std::string db = dir / "r.db";
  // 50 hot keys with a 100 ms TTL over 3 s: the run has expiry episodes (loads per expiry).
  REQUIRE(RunCli("run --requests 3000 --keys 50 --rate 1000 --ttl 100ms --db " + db).exit_code == 0);
  cachelab::ResultStore store(db, true);
  bool has_loads = false;
  for (const auto& h : store.LoadRun(1).histograms) has_loads |= h.name == "loads_per_expiry";
  REQUIRE(has_loads);  // else this test would check nothing
  REQUIRE(RunCli("export --db " + db + " --hgrm " + (dir / "h")).exit_code == 0);
  std::set<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir / "h")) files.insert(e.path().filename().string());
  CHECK(files == std::set<std::string>{"run-1-latency.hgrm", "run-1-read.hgrm", "run-1-write.hgrm"});
}

// Found by the independent audit: with no stored write max, Sets "Max Latency" was the
// top of the write histogram's last bucket (27.132 ms) and could pass the exact overall
// max (Totals 27.024 ms): every write is one of the requests, so it never can.
TEST_CASE("export: memtier Sets max latency never passes the stored overall max") {
  cachelab::RunReport run;
  run.Set("latency_us.max", 27024.0);
  run.histograms = {{"latency_ns", {{27000832, 27131904, 2}}}, {"write_latency_ns", {{27000832, 27131904, 1}}}};
  auto all = cachelab::MemtierJson(1, run, {50, 100})["ALL STATS"];
  CHECK(all["Totals"]["Max Latency"].get<double>() == 27.024);
  CHECK(all["Sets"]["Max Latency"].get<double>() == 27.024);  // the bucket's top, 27.132, capped
  CHECK(all["Sets"]["Percentile Latencies"]["p100.00"].get<double>() == 27.024);
  CHECK(all["Totals"]["Percentile Latencies"]["p50.00"].get<double>() == 27.024);

  // A real run (the audit's): no block's max or percentile above Totals' max, the stored latency_us.max.
  TempDir dir("export-memtier-max");
  const std::string db = dir / "r.db";
  REQUIRE(RunCli("run --requests 50000 --db " + db).exit_code == 0);
  const double max_ms = std::round(cachelab::ResultStore(db, true).LoadRun(1).GetNumber("latency_us.max")) / 1000;
  auto mj = RunCli("export --db " + db + " --format json --json-format memtier --run 1 --percentiles 50,99,99.9,100");
  REQUIRE(mj.exit_code == 0);
  const auto stats = nlohmann::json::parse(mj.out)["ALL STATS"];
  CHECK(stats["Totals"]["Max Latency"].get<double>() == max_ms);
  for (const char* block : {"Sets", "Gets", "Totals"}) {
    INFO(block);
    CHECK(stats[block]["Max Latency"].get<double>() <= max_ms);
    for (const auto& [k, v] : stats[block]["Percentile Latencies"].items()) CHECK(v.get<double>() <= max_ms);
  }
}
