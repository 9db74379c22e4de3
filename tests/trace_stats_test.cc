// `cachelab trace stats` and `trace convert`. Expectations come from outside
// this code: the shared traces README (counts of cloudPhysicsIO), a Python 3.11
// script over cloudPhysicsIO.csv (tests/reference/cloudphysics_profile.py:
// statistics.linear_regression and statistics.correlation for the Zipf fit on
// the same log-spaced ranks; exact reuse quantiles), awk over the CDN sample,
// hand-counted small traces, and libCacheSim's own
// oracleGeneral file (the conversion must reproduce it byte for byte).
#include <catch2/catch.hpp>

#include "tests/support/read_trace.h"
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "results/result_store.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"
#include "workloads/trace_convert.h"
#include "workloads/trace_format.h"
#include "workloads/trace_stats.h"
#include "workloads/trace_stats_report.h"

using namespace cachelab;
using cachelab::testing::Data;
using cachelab::testing::RunCli;
using cachelab::testing::TempDir;

namespace {


TraceStats Stats(const std::string& path, const std::string& format = "", SimTime window = 0) {
  std::string e;
  TraceOpenOptions o;
  o.format = format;
  auto r = OpenTrace(path, o, &e);
  REQUIRE(r);
  TraceStats s;
  TraceStatsOptions so;
  so.window = window;
  INFO(e);
  REQUIRE(ComputeTraceStats(*r, so, &s, &e));
  return s;
}

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

const Series* FindSeries(const RunReport& r, const std::string& name) {
  for (const auto& s : r.series)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("stats of cloudPhysicsIO agree with the traces README and an independent Python profile") {
  TraceStats s = Stats(Data("cloudPhysicsIO.csv.zst"));
  // README "Trace-wide facts".
  CHECK(s.requests == 113872);
  CHECK(s.objects == 48974);
  CHECK(s.one_hit_wonders == 21049);
  CHECK(s.max_object_requests == 1630);
  CHECK(s.gets == 46974);
  CHECK(s.sets == 66898);
  CHECK(s.deletes == 0);
  CHECK(s.requested_bytes == 4205978112ULL);
  CHECK(s.working_set_bytes == 2029769728ULL);
  CHECK(s.request_size.min() == 512);
  CHECK(s.request_size.max() == 69632);
  CHECK(s.has_time);
  CHECK(s.duration_seconds() == 7200);
  // Python: 83 log-spaced ranks, alpha 0.665040, R^2 0.927420.
  CHECK(s.zipf.points == 83);
  CHECK(s.zipf.alpha == Approx(0.665040).margin(1e-6));
  CHECK(s.zipf.r2 == Approx(0.927420).margin(1e-6));
  // Python: 64,898 reuses; median 10,036 and p90 59,161 requests (the
  // histogram's buckets are within 0.4%).
  CHECK(s.reuse_requests.count() == 64898);
  CHECK(s.reuse_requests.Quantile(0.5) == Approx(10036).epsilon(0.004));
  CHECK(s.reuse_requests.Quantile(0.9) == Approx(59161).epsilon(0.004));
  // Automatic windows: 1 s doubled until <= 256 windows: 32 s, 7200/32 + 1.
  CHECK(s.window == 32 * kSecond);
  CHECK(s.window_requests.size() == 226);
  uint64_t sum = 0;
  for (auto n : s.window_requests) sum += n;
  CHECK(sum == 113872);
  CHECK(s.window_footprint.back() == 48974);
}

// vscsi times are microseconds; reuse times were kept in whole milliseconds
// (an audit: min 0.0 s, mean off by 0.5 ms). python3 over the 32-byte records
// (struct '<IIIHHQQ', ts the last field): 64,898 reuses, min 191 us, max
// 6,353,016,499 us, sum 88,377,518,326,662 us.
TEST_CASE("reuse times keep a vscsi trace's microseconds") {
  TraceStats s = Stats(Data("cloudPhysicsIO.vscsi.zst"));
  REQUIRE(s.reuse_ns.count() == 64898);
  CHECK(s.reuse_ns.min() == 191 * kMicrosecond);
  CHECK(s.reuse_ns.max() == 6353016499ULL * kMicrosecond);
  CHECK(s.reuse_ns.mean() == Approx(88377518326662.0 / 64898 * 1000).epsilon(1e-12));
}

TEST_CASE("stats of a CDN sample: rows cachebench rejects are counted, not profiled") {
  // awk over the first 999 rows of short_bigcache_traces.csv (tests/data/README.md):
  // 998 valid rows, 1 rejected, 435 keys, 347 requested once, the busiest 37 times.
  auto r = RunCli("trace stats " + Data("short_bigcache_head1000.csv.zst") + " --json --no-store");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["format"] == "cdn");
  CHECK(j["requests"] == 998);
  CHECK(j["invalid_rows"] == 1);
  CHECK(j["unique_objects"] == 435);
  CHECK(j["one_hit_wonders"] == 347);
  CHECK(j["most_popular_requests"] == 37);
  CHECK(j["requests_with_ttl"] == 998);
}

TEST_CASE("every encoding of cloudPhysicsIO gives the same profile where the encodings agree") {
  TraceStats og = Stats(Data("cloudPhysicsIO.oracleGeneral.bin"));
  TraceStats txt = Stats(Data("cloudPhysicsIO.txt.zst"));
  CHECK(og.one_hit_wonders == 21049);
  CHECK(txt.one_hit_wonders == 21049);
  CHECK(og.requested_bytes == 4368040448ULL);  // README: first sizes throughout
  CHECK(og.gets == 113872);                    // no operations in the format
  CHECK_FALSE(txt.has_time);
  CHECK(txt.zipf.alpha == og.zipf.alpha);
}

TEST_CASE("a hand-counted trace: reuse, one-hit wonders, rank-frequency, windows by request") {
  TempDir dir("trace-stats-hand");
  TraceStats s = Stats(dir.Write("h.txt", "1\n2\n1\n3\n1\n2\n"));
  CHECK(s.requests == 6);
  CHECK(s.objects == 3);
  CHECK(s.one_hit_wonders == 1);  // 3
  CHECK(s.max_object_requests == 3);
  // Reuses: 1 at index 2 (2 since 0), 1 at 4 (2), 2 at 5 (4).
  REQUIRE(s.reuse_requests.count() == 3);
  CHECK(s.reuse_requests.min() == 2);
  CHECK(s.reuse_requests.max() == 4);
  CHECK(s.reuse_requests.mean() == Approx(8.0 / 3));
  REQUIRE(s.rank_frequency.size() == 3);  // ranks 1, 2, 3
  CHECK(s.rank_frequency[0] == std::pair<uint64_t, uint64_t>{1, 3});
  CHECK(s.rank_frequency[2] == std::pair<uint64_t, uint64_t>{3, 1});
  CHECK_FALSE(s.has_time);
  // Footprint after each request: 1 2 2 3 3 3 (one window a request).
  CHECK(s.window == 1);
  CHECK(s.window_footprint == std::vector<uint64_t>{1, 2, 2, 3, 3, 3});
  RunReport r = TraceStatsReport(s, "h.txt", "txt");
  CHECK(r.kind == "trace");
  CHECK(FindSeries(r, "request_rate") == nullptr);  // no time, no rate
  const Series* reuse = FindSeries(r, "reuse_histogram");
  REQUIRE(reuse);
  CHECK(reuse->t == std::vector<SimTime>{2, 4});  // power-of-two buckets [2,4) and [4,8)
  CHECK(reuse->v == std::vector<double>{2, 1});
}

TEST_CASE("the Zipf fit recovers the exponent of an exact power law") {
  std::vector<uint64_t> counts;
  for (int r = 1; r <= 100000; ++r) counts.push_back(static_cast<uint64_t>(std::llround(1e7 * std::pow(r, -0.8))));
  ZipfFit f = FitZipf(counts);
  CHECK(f.alpha == Approx(0.8).margin(1e-3));
  CHECK(f.r2 > 0.9999);
  CHECK(f.points == 89);  // distinct floor(10^(k/20)) for k = 0..100 (Python)
}

TEST_CASE("convert csv and vscsi to oracleGeneral reproduces libCacheSim's file byte for byte") {
  TempDir dir("trace-convert");
  const std::string expected = Slurp(Data("cloudPhysicsIO.oracleGeneral.bin"));
  REQUIRE(expected.size() == 2732928);
  for (const char* in : {"cloudPhysicsIO.csv.zst", "cloudPhysicsIO.vscsi.zst"}) {
    INFO(in);
    std::string e;
    auto r = OpenTrace(Data(in), {}, &e);
    REQUIRE(r);
    std::string out = dir / "out.oracleGeneral.bin";
    REQUIRE(ConvertTrace(*r, out, "oracleGeneral", &e) == 113872);
    CHECK(Slurp(out) == expected);
  }
}

TEST_CASE("convert round trips: oracleGeneral -> csv -> oracleGeneral, kvcache -> csv, -> txt") {
  TempDir dir("trace-roundtrip");
  std::string e;
  auto og = OpenTrace(Data("cloudPhysicsIO.oracleGeneral.bin"), {}, &e);
  REQUIRE(ConvertTrace(*og, dir / "a.csv", "csv", &e) == 113872);
  auto csv = OpenTrace(dir / "a.csv", {}, &e);
  REQUIRE(csv);
  CHECK(csv->Name() == "csv");
  REQUIRE(ConvertTrace(*csv, dir / "b.oracleGeneral.bin", "oracleGeneral", &e) == 113872);
  CHECK(Slurp(dir / "b.oracleGeneral.bin") == Slurp(Data("cloudPhysicsIO.oracleGeneral.bin")));

  auto txt_in = OpenTrace(Data("cloudPhysicsIO.oracleGeneral.bin"), {}, &e);
  REQUIRE(ConvertTrace(*txt_in, dir / "c.txt", "txt", &e) == 113872);
  // libCacheSim's txt has no newline after the last id; ours has one.
  std::string txt = Slurp(dir / "c.txt");
  auto zst = OpenTrace(Data("cloudPhysicsIO.txt.zst"), {}, &e);
  std::string ids;
  Request q;
  while (zst->Next(&q)) ids += std::to_string(q.key) + "\n";
  CHECK(txt == ids);

  // kvcache keeps ops, sizes, TTLs, clients and times through csv.
  auto kv = OpenTrace(Data("kv_traces_2.csv"), {}, &e);
  REQUIRE(ConvertTrace(*kv, dir / "kv.csv", "csv", &e) == 433);
  auto a = OpenTrace(Data("kv_traces_2.csv"), {}, &e);
  TraceOpenOptions plain;
  plain.format = "csv";
  auto b = OpenTrace(dir / "kv.csv", plain, &e);
  Request x, y;
  int n = 0;
  while (a->Next(&x)) {
    REQUIRE(b->Next(&y));
    REQUIRE(x.key == y.key);
    REQUIRE(x.op == y.op);
    REQUIRE(x.size == y.size);
    REQUIRE(x.ttl == y.ttl);
    REQUIRE(x.at == y.at);
    ++n;
  }
  CHECK_FALSE(b->Next(&y));
  CHECK(n == 433);
}

TEST_CASE("trace stats and convert from the CLI: JSON, the store, exit codes") {
  TempDir dir("trace-cli");
  std::string db = dir / "r.db";
  auto r = RunCli("trace stats " + Data("kv_traces_1.csv") + " --json --db " + db);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["format"] == "kvcache");
  CHECK(j["requests"] == 691);
  CHECK(j["unique_objects"] == 52);
  CHECK(j["ops"]["get"] == 678);
  CHECK(j["ops"]["set"] == 10);
  CHECK(j["ops"]["delete"] == 3);
  CHECK(j["requests_with_ttl"] == 10);
  CHECK(j["clients"] == 11);
  for (const char* k : {"one_hit_wonders", "zipf", "size_bytes", "reuse_requests", "ttl_seconds", "duration_seconds",
                        "mean_rate", "working_set_bytes", "op_mix"})
    CHECK(j.contains(k));
  ResultStore store(db);
  auto runs = store.ListRuns();
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].kind == "trace");
  RunReport stored = store.LoadRun(runs[0].id);
  for (const char* s : {"rank_frequency", "size_histogram", "reuse_histogram", "ttl_histogram", "request_rate", "footprint"})
    CHECK(FindSeries(stored, s) != nullptr);

  // Bad input: the file and line, exit 2, nothing stored.
  std::string bad = dir.Write("bad.csv", "op_time,key,key_size,op,op_count,size,ttl\n1,a,3,GET,1,5,0\n2,a,3,PEEK,1,5,0\n");
  r = RunCli("trace stats " + bad + " --db " + db);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(bad + ": line 3: unknown operation 'PEEK'") != std::string::npos);
  CHECK(store.ListRuns().size() == 1);

  // An empty trace, and one whose every record is malformed (--skip-bad): exit 2 naming the file, nothing stored.
  const std::string empty = dir.Write("empty.txt", "");
  r = RunCli("trace stats " + empty + " --db " + db);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "cachelab: error: " + empty + ": the trace has no requests to profile\n");
  const std::string junk = dir.Write("junk.csv", "op_time,key,key_size,op,op_count,size,ttl\n1,a,3,PEEK,1,5,0\n");
  r = RunCli("trace stats " + junk + " --skip-bad --db " + db);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(junk + ": the trace has no requests to profile (every record was malformed and skipped)") !=
        std::string::npos);
  CHECK(store.ListRuns().size() == 1);

  r = RunCli("trace convert " + Data("kv_traces_1.csv") + " " + (dir / "o.bin") + " --to parquet");
  CHECK(r.exit_code == 2);
  r = RunCli("trace convert " + bad + " " + (dir / "o.bin") + " --to oracleGeneral");
  CHECK(r.exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(dir / "o.bin"));
  CHECK_FALSE(std::filesystem::exists(dir / "o.bin.tmp"));
  // An empty input: the same error as stats, and no header-only output file (an audit found exit 0 and a csv header).
  for (const char* to : {"csv", "txt", "oracleGeneral"}) {
    r = RunCli("trace convert " + empty + " " + (dir / "o.out") + " --to " + to);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "cachelab: error: " + empty + ": the trace has no requests to convert\n");
    CHECK_FALSE(std::filesystem::exists(dir / "o.out"));
    CHECK_FALSE(std::filesystem::exists(dir / "o.out.tmp"));
  }
  r = RunCli("trace convert " + Data("kv_traces_1.csv") + " " + (dir / "o.bin") + " --to oracleGeneral --json");
  CHECK(r.exit_code == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["requests"] == 691);
  CHECK(j["input_format"] == "kvcache");
  CHECK(std::filesystem::file_size(dir / "o.bin") == 691 * 24);
}
