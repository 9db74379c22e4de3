// Admission filters (eviction/admission*.cc) in front of the replayed policies.
// Reference counts: tests/data/libcachesim_admission.tsv, from libCacheSim's
// cachesim at commit aa0fc40914b2b786f4b9f4dafb099f8f332b216a with -a / --admission-params,
// produced by scripts/refresh_admission_expectations.sh (its '# cmd:' lines
// hold the commands). size and bloom-filter are deterministic there and must
// match exactly; prob is seeded from the clock there, so it is compared as a
// distribution. AdaptSize has no reference (libCacheSim's stops with "adaptsize
// is not implemented"): its model is checked on hand-worked cases.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "eviction/admission.h"
#include "eviction/admission_adaptsize.h"
#include "eviction_test_util.h"
#include "results/result_store.h"
#include "support/read_trace.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"
#include "workloads/trace_loader.h"

using namespace cachelab;
using namespace cachelab::eviction;
using namespace cachelab::eviction::testing;

namespace {

const ReplayTrace& Cloud() {
  static const ReplayTrace t = [] {
    std::string error;
    auto reader = OpenTrace(cachelab::testing::Data("cloudPhysicsIO.oracleGeneral.bin"), {}, &error);
    REQUIRE(reader);
    ReplayTrace out;
    REQUIRE(LoadReplayTrace(*reader, false, &out, &error));
    return out;
  }();
  return t;
}

ReplayResult Run(const ReplayTrace& t, const std::string& policy, uint64_t capacity, bool object_mode,
                 const std::string& admission) {
  PolicyOptions o;
  o.capacity = capacity;
  auto p = MakePolicy(policy, o, nullptr);
  REQUIRE(p);
  std::string error;
  std::unique_ptr<Admission> a;
  if (!admission.empty()) {
    a = MakeAdmission(admission, {capacity, 1}, &error);
    INFO(error);
    REQUIRE(a);
  }
  return Replay(t, *p, ReplayConfig{capacity, object_mode, false, a.get()});
}

std::vector<std::vector<std::string>> Rows(const std::string& kind) {
  std::ifstream in(cachelab::testing::Data("libcachesim_admission.tsv"));
  REQUIRE(in);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream s(line);
    std::vector<std::string> f;
    for (std::string x; std::getline(s, x, '\t');) f.push_back(x);
    if (f[0] == kind) rows.push_back(f);
  }
  return rows;
}

}  // namespace

TEST_CASE("size and bloom:fp=0 match cachesim's -a size / -a bloom-filter exactly") {
  const auto rows = Rows("exact");
  CHECK(rows.size() == 66);  // 6 policies x (2 size filters x 3 sizes + bloom x 5 sizes)
  for (const auto& f : rows) {
    INFO(f[3] << " " << f[4] << " " << f[2] << " at " << f[5]);
    const bool obj = f[2] == "obj";
    ReplayResult r = Run(Cloud(), f[3], std::stoull(f[5]), obj, f[4]);
    CHECK(r.requests == std::stoull(f[6]));
    CHECK(r.misses == std::stoull(f[7]));
    if (!obj) CHECK(r.miss_bytes == std::stoull(f[8]));
  }
}

TEST_CASE("hand-worked: second-hit admission and the size threshold") {
  // Object mode, LRU of 2. a, b: first misses, recorded only. a: second miss,
  // admitted. c: recorded. a: hit. b: second miss, admitted.
  CHECK(HitMissString(TraceOf("a b a c a b"), "lru", 2) == "MMHMHM");
  auto t = TraceOf("a b a c a b");
  for (const char* bloom : {"bloom", "bloom:fp=0"}) {
    INFO(bloom);
    std::string hm;
    uint64_t before = 0;
    for (size_t n = 1; n <= t.size(); ++n) {
      ReplayTrace prefix = t;
      prefix.ids.resize(n);
      prefix.sizes.resize(n);
      const uint64_t misses = Run(prefix, "lru", 2, true, bloom).misses;
      hm += misses > before ? 'M' : 'H';
      before = misses;
    }
    CHECK(hm == "MMMMHM");
  }
  // Bytes, LRU of 10, size:size=5 admits sizes < 5: a(4) in, b(5) out, a hits, b misses again.
  auto s = TraceOf("a b a b", {4, 5, 4, 5});
  ReplayResult r = Run(s, "lru", 10, false, "size:size=5");
  CHECK(r.misses == 3);
  CHECK(r.refused == 2);
}

TEST_CASE("bloom: no false negatives, false positives within the rate, growing past its plan") {
  // Against the exact table on cloudPhysicsIO's ids: every id the table admits
  // the filter admits; the extra admissions are false positives.
  auto exact = MakeAdmission("bloom:fp=0", {}, nullptr);
  auto bloom = MakeAdmission("bloom:fp=0.01,items=1000", {}, nullptr);  // 49k ids: six stages
  uint64_t first_sightings = 0, false_pos = 0;
  for (uint64_t id : Cloud().ids) {
    const bool e = exact->Admit(id, 1, 0), b = bloom->Admit(id, 1, 0);
    if (e) REQUIRE(b);
    if (!e) ++first_sightings;
    if (b && !e) ++false_pos;
  }
  CHECK(first_sightings == 48974);  // the trace's distinct ids (traces README)
  // Bound: rate 0.01 over the first sightings, with 3 sigma of binomial slack.
  const double mean = 0.01 * static_cast<double>(first_sightings);
  CHECK(static_cast<double>(false_pos) <= mean + 3 * std::sqrt(mean));
  // Unseen ids: admitted only by a false positive.
  uint64_t unseen_admitted = 0;
  for (uint64_t i = 0; i < 100000; ++i) unseen_admitted += bloom->Admit((uint64_t{1} << 40) + i * 7919, 1, 0);
  CHECK(unseen_admitted <= 1000 + 3 * std::sqrt(1000.0) + 1000);  // the rate over the now 149k ids stays below 2%
}

TEST_CASE("prob: cachesim's miss ratios and ours come from one distribution") {
  // cachesim runs: time-seeded, six per size. Ours: seeds 1..6. Tolerance: the
  // means differ by less than 4 standard errors of the difference, plus
  // cachesim's 4-decimal rounding (0.00005).
  std::map<uint64_t, std::vector<double>> theirs;
  for (const auto& f : Rows("prob")) theirs[std::stoull(f[5])].push_back(std::stod(f[7]));
  REQUIRE(theirs.size() == 2);
  auto stats = [](const std::vector<double>& v) {
    double m = 0, s = 0;
    for (double x : v) m += x;
    m /= static_cast<double>(v.size());
    for (double x : v) s += (x - m) * (x - m);
    return std::pair{m, std::sqrt(s / static_cast<double>(v.size() - 1))};
  };
  for (const auto& [size, runs] : theirs) {
    std::vector<double> ours;
    for (int seed = 1; seed <= 6; ++seed) {
      PolicyOptions o;
      o.capacity = size;
      auto p = MakePolicy("lru", o, nullptr);
      auto a = MakeAdmission("prob:p=0.5,seed=" + std::to_string(seed), {size, 1}, nullptr);
      ReplayResult r = Replay(Cloud(), *p, ReplayConfig{size, false, false, a.get()});
      ours.push_back(static_cast<double>(r.misses) / static_cast<double>(r.requests));
    }
    auto [mt, st] = stats(runs);
    auto [mo, so] = stats(ours);
    INFO("size " << size << ": cachesim " << mt << " sd " << st << ", ours " << mo << " sd " << so);
    const double se = std::sqrt(st * st / 6 + so * so / 6);
    CHECK(std::fabs(mt - mo) <= 4 * se + 0.00005);
    CHECK(so > 0);  // the seeds differ
  }
}

TEST_CASE("prob: p=1 is no filter; p refuses a binomial share of misses; seeds repeat") {
  const uint64_t cap = 20297697;
  ReplayResult none = Run(Cloud(), "lru", cap, false, "");
  ReplayResult all = Run(Cloud(), "lru", cap, false, "prob:p=1");
  CHECK(all.misses == none.misses);
  CHECK(all.refused == 0);
  ReplayResult q = Run(Cloud(), "lru", cap, false, "prob:p=0.2,seed=7");
  const double n = static_cast<double>(q.misses), expect = 0.8 * n;
  CHECK(std::fabs(static_cast<double>(q.refused) - expect) <= 4 * std::sqrt(n * 0.2 * 0.8));
  CHECK(Run(Cloud(), "lru", cap, false, "prob:p=0.2,seed=7").misses == q.misses);
}

TEST_CASE("AdaptSize model: hand-worked hit ratios") {
  // One object (rate 1, size 1), cache 0.5, admission ~1: h = 1 - e^-T = 0.5
  // fills it, so the hit ratio is 0.5 (bisection stops within 0.1% of the bytes).
  CHECK(AdaptSizeHitRatio({1}, {1}, 0.5, 1e12) == Approx(0.5).margin(2e-3));
  // Two equal objects, cache for one: each is cached half the time.
  CHECK(AdaptSizeHitRatio({1, 1}, {1, 1}, 1, 1e12) == Approx(0.5).margin(2e-3));
  // Everything fits: every request hits.
  CHECK(AdaptSizeHitRatio({1, 3}, {10, 20}, 30, 100) == 1.0);
  // Ten small hot objects (size 1, rate 10) and ten large cold ones (size
  // 1000, rate 1), cache 20: the best c keeps the large ones out (e^(-1000/c)
  // small) and the small ones nearly always cached: hit ratio -> 100/110.
  std::vector<double> rates, sizes;
  for (int i = 0; i < 10; ++i) rates.push_back(10), sizes.push_back(1);
  for (int i = 0; i < 10; ++i) rates.push_back(1), sizes.push_back(1000);
  const double c = AdaptSizeBestC(rates, sizes, 20);
  CHECK(c < 200);
  CHECK(AdaptSizeHitRatio(rates, sizes, 20, c) == Approx(100.0 / 110).margin(0.01));
  CHECK(AdaptSizeHitRatio(rates, sizes, 20, c) > AdaptSizeHitRatio(rates, sizes, 20, 1e9));
}

TEST_CASE("AdaptSize on cloudPhysicsIO: fewer object misses than plain LRU, for every seed; deterministic") {
  for (uint64_t cap : {uint64_t{20297697}, uint64_t{202976972}}) {
    const uint64_t plain = Run(Cloud(), "lru", cap, false, "").misses;
    for (int seed = 1; seed <= (cap < 100000000 ? 1 : 3); ++seed) {
      const std::string spec = "adaptsize:interval=20000,seed=" + std::to_string(seed);
      ReplayResult r = Run(Cloud(), "lru", cap, false, spec);
      INFO(cap << " seed " << seed << ": " << r.misses << " vs LRU " << plain);
      CHECK(r.misses < plain);
      CHECK(r.refused > 0);
      if (seed == 1) CHECK(Run(Cloud(), "lru", cap, false, spec).misses == r.misses);
    }
  }
}

TEST_CASE("admission specs: bad names and values are refused with the key") {
  std::string e;
  CHECK_FALSE(MakeAdmission("nosuch", {}, &e));
  CHECK(e.find("unknown admission filter 'nosuch'") != std::string::npos);
  CHECK_FALSE(MakeAdmission("prob:p=1.5", {}, &e));
  CHECK(e.find("p must be in") != std::string::npos);
  CHECK_FALSE(MakeAdmission("prob:p=0", {}, &e));
  CHECK_FALSE(MakeAdmission("size:size=abc", {}, &e));
  CHECK(e.find("bad number 'abc'") != std::string::npos);
  CHECK_FALSE(MakeAdmission("bloom:colour=red", {}, &e));
  CHECK(e.find("no parameter 'colour'") != std::string::npos);
  CHECK_FALSE(MakeAdmission("adaptsize:interval", {}, &e));
  CHECK(e.find("not key=value") != std::string::npos);
  CHECK(MakeAdmission("Bloom-Filter", {}, &e));  // libCacheSim's spelling, any case
  CHECK(MakeAdmission("PROB:Prob=0.3", {}, &e));
}

TEST_CASE("replay --admission: in --json, the table and the results store; bad specs exit 2") {
  const cachelab::testing::TempDir dir("cachelab-admission");
  const std::string db = dir / "runs.db";
  auto r = cachelab::testing::RunCli("replay --trace " + cachelab::testing::Data("cloudPhysicsIO.oracleGeneral.bin") +
                                     " --policy lru --size 0.01 --admission size:size=8192 --json --db " + db);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["admission"] == "size:size=8192");
  CHECK(j[0]["misses"] == 93744);  // cachesim -a size --admission-params size=8192 (the table's row)
  CHECK(j[0]["refused"].get<int64_t>() > 0);
  ResultStore store(db, true);
  auto runs = store.ListRuns();
  REQUIRE(runs.size() == 1);
  RunReport saved = store.LoadRun(runs[0].id);
  CHECK(saved.label == "lru+size/0.01");
  CHECK(saved.ConfigValue("admission") == "size:size=8192");
  auto bad = cachelab::testing::RunCli("replay --trace " + cachelab::testing::Data("cloudPhysicsIO.oracleGeneral.bin") +
                                       " --policy lru --size 0.01 --admission prob:p=2 --db " + db);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--admission: prob admission p must be in") != std::string::npos);
  CHECK(store.RunCount() == 1);
}
