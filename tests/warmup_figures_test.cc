// `run --warmup`: warm-up requests fill caches but count nowhere, including
// the figures strategies, stampede guards, invalidation schemes, near caches
// and cluster nodes keep for themselves. Three independent expectations:
//   1. a warm-up that takes the whole workload leaves every count at zero
//      (every strategy, scheme and guard; a 3-node cluster with near caches);
//   2. with one sequential client nothing straddles the warm-up's end, so a
//      count over N requests with warm-up W equals the count of the N-request
//      run minus the count of the W-request run (exact, field by field);
//   3. the hand-written trace (tests/support/hand_trace.h) with warm-up, counts
//      worked out by hand in the comments.
// And the warm-up's end is an event `measurement_start` / `end of the warm-up`
// in `run --json` `events` and in the results store.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "lab/experiment.h"
#include "results/result_store.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/stampede/guard.h"
#include "strategies/strategy.h"
#include "tests/support/hand_trace.h"
#include "tests/support/run_cli.h"
#include "tests/support/temp_dir.h"

using namespace cachelab;
using cachelab::testing::kHandTrace;
using cachelab::testing::RunCli;
using cachelab::testing::TempDir;

namespace {

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Fields that describe the state at the end of the run (what the caches and
// schemes hold, the configuration, the clocks), not counts of what happened:
// a warm-up legitimately shows in them, since it fills caches.
bool IsState(const std::string& f) {
  static const std::set<std::string> kState = {
      "memory_bytes", "memory_bytes_peak", "extra_memory_bytes", "extra_memory_bytes_peak", "near_cache_entries",
      "orphaned_versions", "orphaned_bytes", "orphaned_versions_peak", "orphaned_bytes_peak", "version_keys",
      "version_key_bytes", "tag_sets", "tag_members", "tag_stale_members", "tag_stale_members_peak",
      "pubsub_subscribers", "cluster.nodes", "cluster.nodes_started", "cluster.total_keys", "divergent_keys",
      "never_corrected_keys", "seed", "wall_seconds", "cpu_seconds", "sim_events", "measurement_start_s",
      "warmup_requests", "sim_requests_per_sec"};
  if (kState.count(f)) return true;
  if (f.rfind("cluster.keys.", 0) == 0 || f.rfind("cluster.bytes.", 0) == 0) return true;
  return f.rfind("node.", 0) == 0 && (EndsWith(f, ".keys") || EndsWith(f, ".bytes"));
}

Params Synthetic(const std::string& strategy, const std::string& invalidation, const std::string& stampede) {
  Params p;
  p.Set("strategy", strategy);
  p.Set("invalidation", invalidation);
  p.Set("stampede", stampede);
  p.Set("keys", "300");
  p.Set("read-fraction", "0.7");
  p.Set("seed", "7");
  return p;
}

}  // namespace

TEST_CASE("a warm-up that takes the whole workload leaves every count at zero") {
  struct Combo {
    std::string strategy, invalidation, stampede;
  };
  std::vector<Combo> combos;
  for (const auto& s : StrategyNames()) combos.push_back({s, "ttl", "none"});
  for (const auto& i : InvalidationNames()) {
    combos.push_back({"cache-aside", i, "none"});
    combos.push_back({"write-behind", i, "none"});
  }
  for (const auto& g : StampedeNames()) combos.push_back({"cache-aside", "ttl", g});
  for (const auto& c : combos) {
    for (bool cluster : {false, true}) {
      Params p = Synthetic(c.strategy, c.invalidation, c.stampede);
      p.Set("requests", "4000");
      p.Set("rate", "2000");  // 2 s of traffic against 300 ms TTLs: expiries, stampedes, flushes
      p.Set("ttl", "300ms");
      p.Set("warmup", "100%");
      if (cluster) {
        p.Set("nodes", "3");
        p.Set("near-cache", "on");
        p.Set("servers", "3");
      }
      RunReport r = RunExperiment(p);
      INFO(c.strategy << " / " << c.invalidation << " / " << c.stampede << (cluster ? " / 3 nodes, near cache" : ""));
      REQUIRE(r.GetNumber("warmup_requests") == 4000);
      int counted = 0;
      for (const auto& f : r.fields) {
        if (std::holds_alternative<std::string>(f.value) || IsState(f.name)) continue;
        ++counted;
        double v = std::holds_alternative<int64_t>(f.value) ? static_cast<double>(std::get<int64_t>(f.value))
                                                            : std::get<double>(f.value);
        INFO(f.name);
        CHECK(v == 0);
      }
      CHECK(counted > 40);
      for (const auto& h : r.histograms) {
        INFO(h.name);
        CHECK(h.buckets.empty());
      }
    }
  }
}

TEST_CASE("a warm-up that takes every request warns on stderr (run and replay), and still exits 0") {
  // Found by the independent audit: such a run stored a row of zeros silently.
  auto all = RunCli("run --requests 3000 --warmup 5000 --no-store");
  CHECK(all.exit_code == 0);
  CHECK(all.err.find("the warm-up took all 3000 requests, nothing was measured") != std::string::npos);
  auto part = RunCli("run --requests 3000 --warmup 1000 --no-store");
  CHECK(part.exit_code == 0);
  CHECK(part.err.find("nothing was measured") == std::string::npos);
  const std::string trace = std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin.zst";
  auto whole = RunCli("replay --trace " + trace + " --policy lru --size 0.1 --warmup 200000 --no-store");
  CHECK(whole.exit_code == 0);
  CHECK(whole.err.find("--warmup 200000 took the whole trace (113872 requests): nothing was measured") !=
        std::string::npos);
  auto some = RunCli("replay --trace " + trace + " --policy lru --size 0.1 --warmup 1000 --no-store");
  CHECK(some.exit_code == 0);
  CHECK(some.err.find("nothing was measured") == std::string::npos);
}

TEST_CASE("one sequential client: counts with warm-up W over N = counts of N minus counts of the first W") {
  // One closed-loop client without think time and no TTL: a request starts
  // when the previous one is done, so every count a warm-up request causes
  // happens before the next request and the W-request run's counts are
  // exactly the warm-up's. (Write-behind flushes on a timer, pub/sub
  // delivers after the write is acknowledged and tiered's fixed TTLs expire
  // keys filled in the warm-up later: they straddle the boundary, so test 1
  // and the hand-written trace cover them.)
  struct Combo {
    std::string strategy, invalidation, stampede;
    bool cluster;
  };
  std::vector<Combo> combos;
  for (const auto& s : StrategyNames())
    if (s != "write-behind") combos.push_back({s, "ttl", "none", false});
  for (const auto& i : InvalidationNames())
    if (i != "pubsub" && i != "tiered")
      for (const char* s : {"cache-aside", "write-through"}) combos.push_back({s, i, "none", true});
  for (const auto& g : StampedeNames()) combos.push_back({"cache-aside", "ttl", g, false});
  const uint64_t n = 3000, w = 1100;
  for (const auto& c : combos) {
    auto run = [&](const char* warmup, uint64_t max_requests) {
      Params p = Synthetic(c.strategy, c.invalidation, c.stampede);
      p.Set("requests", std::to_string(n));
      p.Set("arrival", "closed");
      p.Set("clients", "1");
      p.Set("think-time", "0");
      p.Set("ttl", "0");
      p.Set("warmup", warmup);
      p.Set("max-requests", std::to_string(max_requests));
      if (c.cluster) {
        p.Set("nodes", "3");
        p.Set("near-cache", "on");
        p.Set("near-ttl", "5ms");  // near copies expire between requests too
      }
      return RunExperiment(p);
    };
    RunReport all = run("0", 0), first = run("0", w), measured = run(std::to_string(w).c_str(), 0);
    INFO(c.strategy << " / " << c.invalidation << " / " << c.stampede << (c.cluster ? " / 3 nodes" : ""));
    REQUIRE(measured.GetNumber("warmup_requests") == w);
    REQUIRE(measured.GetNumber("requests") == n - w);
    int compared = 0, nonzero = 0;
    for (const auto& f : measured.fields) {
      // Counts only: maxima and peaks do not subtract.
      if (!std::holds_alternative<int64_t>(f.value) || IsState(f.name) || EndsWith(f.name, "_max") ||
          EndsWith(f.name, ".max") || EndsWith(f.name, "_peak"))
        continue;
      int64_t got = std::get<int64_t>(f.value);
      int64_t want = static_cast<int64_t>(all.GetNumber(f.name)) - static_cast<int64_t>(first.GetNumber(f.name));
      INFO(f.name << ": all " << all.GetNumber(f.name) << ", first " << first.GetNumber(f.name));
      CHECK(got == want);
      ++compared;
      nonzero += got != 0;
    }
    CHECK(compared > 25);
    CHECK(nonzero > 5);
  }
}

TEST_CASE("hand-written trace with warm-up: the read path's and write-behind's own figures, by hand") {
  TempDir dir("cachelab-warmup-figures");
  std::string trace = dir / "hand.csv";
  std::ofstream(trace) << kHandTrace;
  auto run = [&](const char* strategy, const char* warmup) {
    Params p;
    p.Set("trace", trace);
    p.Set("ttl", "trace");
    p.Set("strategy", strategy);
    p.Set("warmup", warmup);
    return RunExperiment(p);
  };
  SECTION("cache-aside, no warm-up: loads at 0 (A cold), 3 (A after its write), 4 (B cold), 10 (A expired), "
          "12 (B after its delete), 13 (C cold)") {
    RunReport r = run("cache-aside", "0");
    CHECK(r.GetNumber("loads") == 6);
    CHECK(r.GetNumber("user_misses") == 6);
    CHECK(r.GetNumber("cold_start_keys") == 3);
    CHECK(r.GetNumber("cold_start_loads") == 3);
    CHECK(r.GetNumber("expiry_episodes") == 3);
    CHECK(r.GetNumber("invalidation_writes") == 2);
  }
  SECTION("cache-aside, warm-up 2 (A's cold load at 0 and its hit at 1): A is warm when measured") {
    RunReport r = run("cache-aside", "2");
    CHECK(r.GetNumber("loads") == 5);
    CHECK(r.GetNumber("user_misses") == 5);
    CHECK(r.GetNumber("cold_start_keys") == 2);  // B and C; A's cold episode was the warm-up's
    CHECK(r.GetNumber("cold_start_loads") == 2);
    CHECK(r.GetNumber("expiry_episodes") == 3);  // A at 3, A at 10, B at 12
    CHECK(r.GetNumber("loads_per_expiry_mean") == 1.0);
    CHECK(r.GetNumber("invalidation_writes") == 2);
  }
  SECTION("cache-aside, warm-up 4 (through A's reload at 3): one write left to invalidate") {
    RunReport r = run("cache-aside", "4");
    CHECK(r.GetNumber("loads") == 4);             // 4, 10, 12, 13
    CHECK(r.GetNumber("expiry_episodes") == 2);   // A at 10, B at 12
    CHECK(r.GetNumber("cold_start_keys") == 2);   // B, C
    CHECK(r.GetNumber("invalidation_writes") == 1);  // the delete at 11
  }
  SECTION("write-behind, no warm-up: two writes acknowledged and persisted") {
    RunReport r = run("write-behind", "0");
    CHECK(r.GetNumber("write_behind.acked") == 2);
    CHECK(r.GetNumber("write_behind.persisted") == 2);
    CHECK(r.GetNumber("write_behind.batches") == 2);  // flushed on the 1 s grid: at 3 s and at 12 s
    CHECK(r.GetNumber("loads") == 4);                  // 0, 4, 10, 13 (the writes refill A and B)
  }
  SECTION("write-behind, warm-up 3 (A read twice, then written at 2 s; flushed at 3 s, before request 3)") {
    RunReport r = run("write-behind", "3");
    CHECK(r.GetNumber("write_behind.acked") == 1);  // the delete at 11
    CHECK(r.GetNumber("write_behind.persisted") == 1);
    CHECK(r.GetNumber("write_behind.batches") == 1);
    CHECK(r.GetNumber("write_behind.rows") == 1);
    CHECK(r.GetNumber("loads") == 3);  // 4, 10, 13
    CHECK(r.GetNumber("db_writes") == 1);
  }
}

TEST_CASE("run --warmup stores a measurement_start event: --json events and the results store") {
  TempDir dir("cachelab-warmup-event");
  std::string trace = dir / "hand.csv";
  std::ofstream(trace) << kHandTrace;
  struct Case {
    std::string args;
    bool marked;
  };
  for (const Case& c : {Case{"--requests 2000 --warmup 500", true}, Case{"--requests 2000 --warmup 25%", true},
                        Case{"--requests 2000 --warmup 300ms --rate 1000", true},
                        Case{"--trace " + trace + " --ttl trace --warmup 2", true},
                        Case{"--requests 2000", false}}) {
    std::string db = dir / "runs.db";
    std::filesystem::remove(db);
    auto r = RunCli("run " + c.args + " --json --db " + db);
    INFO(c.args << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["events"].is_array());
    int found = 0;
    double t = -1;
    for (const auto& e : j["events"])
      if (e["kind"] == "measurement_start") {
        ++found;
        CHECK(e["detail"] == "end of the warm-up");
        t = e["t_s"].get<double>();
      }
    CHECK(found == (c.marked ? 1 : 0));
    if (c.marked) CHECK(t == Approx(j["measurement_start_s"].get<double>()).margin(1e-9));
    ResultStore store(db);
    RunReport stored = store.LoadRun(store.ListRuns().at(0).id);
    int in_store = 0;
    for (const auto& e : stored.events)
      if (e.kind == "measurement_start" && e.detail == "end of the warm-up") {
        ++in_store;
        CHECK(ToSeconds(e.t) == Approx(t).margin(1e-9));
      }
    CHECK(in_store == (c.marked ? 1 : 0));
  }
  // A duration warm-up starts measuring at the first request at or after 300 ms.
  auto r = RunCli("run --requests 2000 --rate 1000 --warmup 300ms --json --no-store");
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["measurement_start_s"].get<double>() >= 0.3);
  CHECK(j["measurement_start_s"].get<double>() < 0.32);  // Poisson at 1000/s: the next arrival within ms
}

TEST_CASE("open arrivals: warm-up requests still in flight when measurement starts count nowhere") {
  // At 20,000 requests/s some tens of warm-up requests are in flight when the
  // warm-up ends. Figures kept per request must cover the measured requests
  // exactly as the runner's own counts do: user-facing misses = misses, read
  // latencies recorded = reads, write-behind's acknowledged writes = writes.
  for (const char* strategy : {"cache-aside", "write-behind"})
    for (const char* stampede : {"none", "local-lock", "lease"}) {
      Params p = Synthetic(strategy, "ttl", stampede);
      p.Set("requests", "30000");
      p.Set("rate", "20000");
      p.Set("ttl", "200ms");
      p.Set("warmup", "5000");
      RunReport r = RunExperiment(p);
      INFO(strategy << " / " << stampede);
      REQUIRE(r.GetNumber("warmup_requests") == 5000);
      CHECK(r.GetNumber("user_misses") == r.GetNumber("misses"));
      CHECK(r.GetNumber("latency_in_stampede_us.count") + r.GetNumber("latency_outside_stampede_us.count") ==
            r.GetNumber("reads"));
      if (std::string(strategy) == "write-behind") {
        CHECK(r.GetNumber("write_behind.acked") == r.GetNumber("writes"));
        CHECK(r.GetNumber("write_behind.persisted") + r.GetNumber("lost_writes") == r.GetNumber("writes"));
      }
    }
}
