// cachelab demo: the list, a demo's narrative before and measured conclusion
// after, its runs stored with demo/narrative/conclusion fields, unknown names.
#include <catch2/catch.hpp>
#include <cmath>

#include "demos/demo.h"
#include "demos/demo_sim.h"
#include "results/result_store.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using cachelab::testing::RunCli;

TEST_CASE("demo list names every demo") {
  auto r = RunCli("demo list");
  REQUIRE(r.exit_code == 0);
  for (const char* name : {"stampede", "jitter", "write-behind-crash", "ring-add-node", "staleness", "eviction",
                           "real-trace"})
    CHECK(r.out.find(name) != std::string::npos);
  CHECK(cachelab::Demos().size() == 7);
}

TEST_CASE("a demo tells, runs, concludes from its numbers, and stores its runs") {
  cachelab::testing::TempDir dir("demo-test");
  auto r = RunCli("demo eviction --db " + (dir / "d.db"));
  REQUIRE(r.exit_code == 0);
  size_t narrative = r.out.find("never read again"), table = r.out.find("s3fifo"), conclusion = r.out.find("Against lru (");
  CHECK(narrative < table);
  CHECK(table < conclusion);
  CHECK(conclusion != std::string::npos);

  cachelab::ResultStore store(dir / "d.db", true);
  auto runs = store.ListRuns();
  REQUIRE(runs.size() == 3);
  cachelab::RunReport lru;
  lru.fields = runs[0].fields;
  CHECK(runs[0].kind == "demo");
  CHECK(runs[0].label == "eviction: lru");
  REQUIRE(lru.Get("conclusion"));
  std::string stored = std::get<std::string>(*lru.Get("conclusion"));
  // The conclusion quotes the measured miss ratio of LRU.
  char pct[32];
  std::snprintf(pct, sizeof pct, "%.3g%%", 100 * lru.GetNumber("miss_ratio"));
  CHECK(stored.find(std::string("Against lru (") + pct) == 0);
  CHECK(std::get<std::string>(*lru.Get("demo")) == "eviction");
  CHECK_FALSE(std::get<std::string>(*lru.Get("narrative")).empty());

  // The dashboard's series: per window, the hot keys' hit ratio and the scan requests. Every scan
  // request misses (its key is never seen again), so the windows' misses add up to the run's.
  for (const auto& run : runs) {
    cachelab::RunReport rep = store.LoadRun(run.id);
    const cachelab::Series *hot = nullptr, *scans = nullptr;
    for (const auto& s : rep.series) {
      if (s.name == "hot_hit_ratio") hot = &s;
      if (s.name == "scan_requests") scans = &s;
    }
    REQUIRE(hot);
    REQUIRE(scans);
    REQUIRE(hot->t == scans->t);
    double misses = 0;
    int64_t prev = 0;
    for (size_t i = 0; i < hot->t.size(); ++i) {
      double hot_requests = static_cast<double>(hot->t[i] - prev) - scans->v[i];
      misses += hot_requests * (1 - hot->v[i]) + scans->v[i];
      prev = hot->t[i];
    }
    CHECK(misses == Approx(rep.GetNumber("misses")).margin(0.5));
  }
  // LRU loses hot keys to the scans; S3-FIFO keeps them: after the cold first window, its worst
  // window beats LRU's.
  auto worst = [&](int64_t id) {
    double w = 1;
    for (const auto& s : store.LoadRun(id).series)
      if (s.name == "hot_hit_ratio")
        for (size_t i = 1; i < s.v.size(); ++i) w = std::min(w, s.v[i]);
    return w;
  };
  CHECK(worst(runs[2].id) > worst(runs[0].id) + 0.05);
}

namespace {

double Field(const cachelab::DemoResult& r, size_t variant, const std::string& field) {
  REQUIRE(variant < r.reports.size());
  INFO("variant " << variant << ", field " << field);
  REQUIRE(r.reports[variant].Get(field));
  return r.reports[variant].GetNumber(field);
}

}  // namespace

TEST_CASE("every ready demo's numbers tell the story its narrative tells") {
  for (const auto& d : cachelab::Demos()) {
    if (!d.missing().empty()) continue;
    INFO(d.name);
    cachelab::DemoResult r = d.run(2);
    REQUIRE(r.conclusion.rfind("Against ", 0) == 0);
    if (d.name == "stampede") {  // none, lock, xfetch, stale-while-revalidate
      double none = Field(r, 0, "loads_per_expiry_mean");
      CHECK(none > 50);  // a stampede: every request in the 20 ms recompute loads
      // An in-process lock: one load per expiry on each of the 4 application servers.
      CHECK(Field(r, 1, "loads_per_expiry_mean") <= 4);
      CHECK(Field(r, 3, "loads_per_expiry_mean") == Approx(1).margin(0.05));  // swr: one background reload
      CHECK(Field(r, 2, "loads_per_expiry_mean") < none);
      CHECK(Field(r, 3, "loads_per_expiry_mean") < none);
      CHECK(Field(r, 1, "db_peak_concurrency") < Field(r, 0, "db_peak_concurrency"));
    } else if (d.name == "jitter") {  // fixed, jittered
      CHECK(Field(r, 1, "db_peak_concurrency") < Field(r, 0, "db_peak_concurrency") / 2);
    } else if (d.name == "write-behind-crash") {  // write-through, write-behind
      CHECK(r.reports[0].GetNumber("lost_writes", 0) == 0);
      CHECK(Field(r, 1, "lost_writes") > 0);
      CHECK(Field(r, 1, "write_latency_us.p99") < Field(r, 0, "write_latency_us.p99"));
      CHECK(Field(r, 1, "db_writes") < Field(r, 0, "db_writes"));  // batched
    } else if (d.name == "ring-add-node") {  // modulo, ring
      CHECK(Field(r, 0, "churn.0.remapped") > 0.7);
      CHECK(Field(r, 1, "churn.0.remapped") < 0.35);
      CHECK(Field(r, 1, "hit_ratio") > Field(r, 0, "hit_ratio"));
      // The join must show within the run (an audit found the demo ending before the clients
      // learned of the node: equal peaks, zero dips): moving 4x the keys costs more hits and queries.
      CHECK(Field(r, 0, "churn.0.hit_ratio_dip") > 2 * Field(r, 1, "churn.0.hit_ratio_dip"));
      CHECK(Field(r, 0, "churn.0.db_spike") > Field(r, 1, "churn.0.db_spike"));
      CHECK(Field(r, 1, "churn.0.db_spike") > 1);
    } else if (d.name == "staleness") {  // ttl-only, delete-on-write, pubsub with loss
      double ttl_only = Field(r, 0, "stale_read_ratio"), del = Field(r, 1, "stale_read_ratio");
      CHECK(ttl_only > 5 * del);
      CHECK(Field(r, 2, "stale_read_ratio") > del);
      CHECK(Field(r, 2, "stale_read_ratio") < ttl_only);
    } else if (d.name == "eviction") {  // lru, lfu, s3fifo
      CHECK(Field(r, 2, "miss_ratio") < Field(r, 0, "miss_ratio"));
    }
  }
}

TEST_CASE("an unknown demo is bad input") {
  auto r = RunCli("demo nope");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no demo 'nope'") != std::string::npos);
}

// Issue 15: "-100%" for 398 -> 1 hid a 398-fold cut. Changes of ten times or more read as
// a factor (hand-computed: 398 / 1 = 398, 398 / 4 = 99.5, 20 / 398 lower by 19.9x); smaller as a percentage.
TEST_CASE("demo conclusion: large changes as factors, small ones as percentages") {
  cachelab::DemoMetric m{"loads_per_expiry_mean", "database loads per expiry", true, 1, ""};
  std::string text = cachelab::CompareToBaseline({"none", "lock", "swr", "half", "more"}, {398, 4, 1, 199, 4000}, m);
  INFO(text);
  CHECK(text.find("lock cut it to 4 (99.5x lower)") != std::string::npos);
  CHECK(text.find("swr cut it to 1 (398x lower)") != std::string::npos);
  CHECK(text.find("half cut it to 199 (-50%)") != std::string::npos);
  CHECK(text.find("more raised it to 4,000 (10.1x higher)") != std::string::npos);
  // Whole numbers group by thousands, negatives too (as the demos' texts write them).
  std::string big = cachelab::CompareToBaseline({"a", "b", "c"}, {35039, 17490, -1234567}, m);
  INFO(big);
  CHECK(big.find("Against a (35,039 database loads per expiry), b cut it to 17,490 (-50%)") == 0);
  CHECK(big.find("c cut it to -1,234,567") != std::string::npos);
  CHECK(text.find("100%") == std::string::npos);
}

// Audit: the jitter demo ran 60,000 requests at 20,000/s, ending at 2.97 s, before the second
// holding the fixed TTLs' wall of expiries ([2 s, 3 s)) was complete: its stored
// max_expirations_per_second read 0 against the jittered run's 514, the opposite of the story.
// Closed forms: 1,000 keys preloaded at t = 0 with TTL T = 2 s all expire at 2 s, 1,000 in one
// second. With jitter j = 0.2 the deadlines are uniform over [1.6 s, 2.4 s]; the whole seconds
// [1, 2) and [2, 3) each take Binomial(1000, 1/2), so the peak is 500 plus at most a few sd (15.8).
TEST_CASE("jitter demo: the fixed TTLs' expiries all land in one counted second, jitter halves the peak") {
  const cachelab::Demo* d = cachelab::FindDemo("jitter");
  REQUIRE(d);
  cachelab::DemoResult r = d->run(2);
  CHECK(Field(r, 0, "expirations") == 1000);
  CHECK(Field(r, 0, "max_expirations_per_second") == 1000);
  double jittered = Field(r, 1, "max_expirations_per_second");
  CHECK(jittered >= 500);
  CHECK(jittered <= 500 + 4 * 15.8);
  bool shown = false;  // the table shows it
  for (const auto& c : r.columns) shown |= c.field == "max_expirations_per_second";
  CHECK(shown);
}

// Audit: the narrative said write-behind flushes "in batches every second", but the runs use
// --batch-size 100 (the default), which flushes as soon as 100 rows are pending: 53 batches in
// 3 s on 4 servers, where once a second would give at most 4 x 3 = 12. The crash then loses at
// most one partial batch (<= 100 rows), not up to a second of writes (~500 per server at
// 20,000 req/s x 10% writes / 4 servers). The narrative must say what the run does.
TEST_CASE("write-behind-crash demo: the narrative names the flush the runs do") {
  const cachelab::Demo* d = cachelab::FindDemo("write-behind-crash");
  REQUIRE(d);
  CHECK(d->narrative.find("100 rows") != std::string::npos);
  cachelab::DemoResult r = d->run(2);
  double seconds = Field(r, 1, "sim_seconds");
  CHECK(Field(r, 1, "write_behind.batches") > 4 * std::ceil(seconds));  // size-triggered, not timed
  CHECK(Field(r, 1, "lost_rows") > 0);
  CHECK(Field(r, 1, "lost_rows") <= 100);
}
