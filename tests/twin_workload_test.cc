// --workload twin:FILE. The twin is fitted from `trace stats` of a trace and
// must reproduce what was fitted: its own profile (computed by the same
// profiler from the twin's requests) has the trace's Zipf alpha, op mix, mean
// object size and mean set TTL within stated tolerances. The source trace is
// generated here from known parameters (Zipf 0.9 over 5,000 keys), so the fit
// itself is also checked against the generating exponent.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lab/experiment.h"
#include "results/result_store.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"
#include "workloads/synthetic.h"
#include "workloads/trace_format.h"
#include "workloads/twin.h"
#include "workloads/zipf.h"

using namespace cachelab;
using cachelab::testing::RunCli;
using cachelab::testing::TempDir;

namespace {

// 200,000 requests, Zipf(0.9) over 5,000 keys, 80% get / 15% set / 5% delete,
// per-key sizes uniform in [100, 2000), set TTLs 60 s or 3600 s, 1,000 req/s.
std::string MakeSource(const std::string& path) {
  std::ofstream f(path);
  f << "time,id,size,op,ttl\n";
  ZipfSampler zipf(5000, 0.9);
  Rng rng(7, "source");
  for (int i = 0; i < 200000; ++i) {
    uint64_t k = zipf.Sample(rng);
    double u = rng.Uniform();
    const char* op = u < 0.8 ? "get" : u < 0.95 ? "set" : "delete";
    int ttl = op[0] == 's' ? (rng.Uniform() < 0.5 ? 60 : 3600) : 0;
    Rng size_rng(7, "size", k);
    f << i / 1000 << ',' << k << ',' << 100 + size_rng.Below(1900) << ',' << op << ',' << ttl << '\n';
  }
  return path;
}

TraceStats Profile(TraceReader& r) {
  TraceStats s;
  std::string e;
  REQUIRE(ComputeTraceStats(r, {}, &s, &e));
  return s;
}

TraceStats TwinOf(const TwinProfile& t, uint64_t keys, uint64_t requests) {
  SyntheticConfig c;
  c.keys = keys;
  c.requests = requests;
  c.alpha = t.alpha;
  c.twin = std::make_shared<TwinProfile>(t);
  SyntheticWorkload w(c, 1);
  return Profile(w);
}

}  // namespace

TEST_CASE("the twin reproduces the fitted alpha, op mix, sizes and TTLs of its trace") {
  TempDir dir("twin");
  std::string path = MakeSource(dir / "source.csv");
  std::string e;
  auto src_reader = OpenTrace(path, {}, &e);
  REQUIRE(src_reader);
  TraceStats src = Profile(*src_reader);
  REQUIRE(src.requests == 200000);
  CHECK(src.zipf.alpha == Approx(0.9).margin(0.05));  // the generating exponent
  TwinProfile t = FitTwin(src, path);
  CHECK(t.mean_rate == Approx(200000.0 / 199).epsilon(1e-9));  // times 0..199 s

  // Same scale. Tolerances: alpha 0.01 (the twin's exponent is bias-corrected
  // so that its fit lands on the trace's; without that it is 0.02 high here),
  // op fractions 0.005 absolute (binomial sd at 200,000 requests ~0.001),
  // mean object size 3% (5,000 draws of a wide distribution, sd ~0.8%),
  // mean set TTL 3% (30,000 draws of a two-point distribution, sd ~0.6%).
  TraceStats twin = TwinOf(t, src.objects, src.requests);
  CHECK(twin.zipf.alpha == Approx(src.zipf.alpha).margin(0.01));
  CHECK(t.alpha == Approx(0.9).margin(0.01));  // the correction recovers the generating exponent
  auto frac = [](uint64_t a, uint64_t n) { return static_cast<double>(a) / static_cast<double>(n); };
  CHECK(frac(twin.gets, twin.requests) == Approx(frac(src.gets, src.requests)).margin(0.005));
  CHECK(frac(twin.sets, twin.requests) == Approx(frac(src.sets, src.requests)).margin(0.005));
  CHECK(frac(twin.deletes, twin.requests) == Approx(frac(src.deletes, src.requests)).margin(0.005));
  CHECK(twin.object_size.mean() == Approx(src.object_size.mean()).epsilon(0.03));
  CHECK(twin.write_ttl_seconds.mean() == Approx(src.write_ttl_seconds.mean()).epsilon(0.03));

  // Ten times the keys and requests: the same popularity law.
  TraceStats big = TwinOf(t, src.objects * 10, src.requests * 10);
  CHECK(big.requests == 2000000);
  CHECK(big.zipf.alpha == Approx(src.zipf.alpha).margin(0.02));
  CHECK(frac(big.sets, big.requests) == Approx(frac(src.sets, src.requests)).margin(0.005));
}

TEST_CASE("run --workload twin:FILE: parameters it implies, scaling, and refusals") {
  TempDir dir("twin-cli");
  std::string db = dir / "r.db";
  std::string kv = std::string(CACHELAB_TEST_DATA) + "/kv_traces_2.csv";
  auto r = RunCli("run --workload twin:" + kv + " --requests 4330 --json --db " + db);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  ResultStore store(db);
  RunReport run = store.LoadRun(store.ListRuns().at(0).id);
  CHECK(run.ConfigValue("keys") == "62");        // the trace's objects
  CHECK(run.ConfigValue("requests") == "4330");  // ten times the trace
  // kv_traces_2: 433 requests over 2 s = 216.5/s; ten times the requests in the same span.
  CHECK(std::stod(run.ConfigValue("rate")) == Approx(2165).epsilon(1e-5));
  CHECK(run.ConfigValue("workload") == "twin:" + kv);
  CHECK(run.GetNumber("requests") == 4330);

  // Deterministic: the same twin and seed give the same run.
  auto a = RunCli("run --workload twin:" + kv + " --requests 4330 --json --no-store");
  auto b = RunCli("run --workload twin:" + kv + " --requests 4330 --json --no-store");
  REQUIRE(a.exit_code == 0);
  auto strip = [](std::string json) {
    auto j = nlohmann::json::parse(json);
    for (const char* k : {"wall_seconds", "cpu_seconds", "sim_requests_per_sec"}) j.erase(k);
    return j.dump();
  };
  CHECK(strip(a.out) == strip(b.out));

  r = RunCli("run --workload twin:" + kv + " --alpha 1.1 --no-store");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--alpha") != std::string::npos);
  r = RunCli("run --workload pareto --no-store");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--workload") != std::string::npos);
  std::string bad = dir / "bad.csv";
  std::ofstream(bad) << "op_time,key,key_size,op,op_count,size,ttl\n1,a,3,GET,1,5,0\n1,b,3,FLY,1,5,0\n";
  r = RunCli("run --workload twin:" + bad + " --no-store");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(bad + ": line 3") != std::string::npos);
}

// --workload twin:FILE --ttl trace: each key's TTL is drawn from the trace's.
// Expected values from the files with awk (gawk 5.2.1), /work/shared/traces/:
//   kv_traces_1.csv sets (SET, SET_LEASE, weighted by op_count): 10 sets with TTLs
//     1320, 3600 x2, 7200 x2, 10800, 14400 x3, 21600: mean 9852 s
//     awk -F, 'NR>1 && $4 ~ /SET/ {n+=$5; s+=$5*$8} END{print n, s/n}'       -> 10 9852
//   twitter_sample.csv writes (add, cas): 86400 x4, 1209600 x3: mean 567771 s
//     awk -F, '$6=="add"||$6=="cas"{n++; s+=$7} END{print n, s/n}'           -> 7 567771
//   bigcache.csv (CDN, reads only, TTL on all 199 rows): mean 1187890 s, max 1209600
//     awk -F, 'NR>1{n++; if($9>0){p++; s+=$9}} END{print n, p, s/p}'         -> 199 199 1.18789e+06
// 20000 keys draw i.i.d. from those: the mean's standard error is under 1% in
// each case; a drawn value lies within its log bucket (0.8%) of a trace value.
TEST_CASE("twin --ttl trace: each key's TTL drawn from the trace's TTLs, deterministic per seed") {
  struct Case {
    const char* file;
    double mean_s, max_s, tolerance;
  };
  for (const Case& c : {Case{"kv_traces_1.csv", 9852, 21600, 0.02}, Case{"twitter_sample.csv", 567771, 1209600, 0.03},
                        Case{"bigcache.csv", 1187890, 1209600, 0.02}}) {
    INFO(c.file);
    auto run = [&](const char* seed) {
      Params p;
      p.Set("workload", std::string("twin:") + CACHELAB_TEST_DATA + "/" + c.file);
      p.Set("ttl", "trace");
      p.Set("keys", "20000");
      p.Set("requests", "2000");
      p.Set("seed", seed);
      return RunExperiment(p);
    };
    RunReport r = run("1");
    CHECK(r.GetNumber("ttl_trace.keys_with_ttl") == 20000);  // every set (or CDN request) has a TTL
    CHECK(r.GetNumber("ttl_trace.mean_s") == Approx(c.mean_s).epsilon(c.tolerance));
    CHECK(r.GetNumber("ttl_trace.max_s") <= c.max_s * 1.008);
    CHECK(r.GetNumber("ttl_trace.max_s") >= c.max_s * 0.99);
    RunReport again = run("1"), other = run("2");
    CHECK(again.GetNumber("ttl_trace.mean_s") == r.GetNumber("ttl_trace.mean_s"));
    CHECK(other.GetNumber("ttl_trace.mean_s") != r.GetNumber("ttl_trace.mean_s"));
  }
}

TEST_CASE("twin --ttl trace: the fitted TTLs reach the simulation (kv_traces_1: nothing expires before 1320 s)") {
  auto first_expiry_s = [](const char* ttl) {
    Params p;
    p.Set("workload", std::string("twin:") + CACHELAB_TEST_DATA + "/kv_traces_1.csv");
    p.Set("ttl", ttl);
    p.Set("requests", "3000");
    p.Set("rate", "1");  // 3000 s of simulated time
    RunReport r = RunExperiment(p);
    for (const auto& s : r.series)
      if (s.name == "expirations_per_second")
        for (size_t i = 0; i < s.v.size(); ++i)
          if (s.v[i] > 0) return ToSeconds(s.t[i]);
    return -1.0;
  };
  double twin = first_expiry_s("trace");
  CHECK(twin >= 1320 * 0.992);  // the shortest set TTL in the trace, less its bucket's width
  CHECK(twin < 3000);
  double fixed = first_expiry_s("10s");
  CHECK(fixed > 0);
  CHECK(fixed < 60);
  auto r = RunCli("run --ttl trace --no-store");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--workload twin:") != std::string::npos);
}
