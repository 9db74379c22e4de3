// --workload twin:FILE. The twin is fitted from `trace stats` of a trace and
// must reproduce what was fitted: its own profile (computed by the same
// profiler from the twin's requests) has the trace's Zipf alpha, op mix, mean
// object size and mean set TTL within stated tolerances. The source trace is
// generated here from known parameters (Zipf 0.9 over 5,000 keys), so the fit
// itself is also checked against the generating exponent.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

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
