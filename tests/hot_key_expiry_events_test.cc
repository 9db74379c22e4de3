// The runner's expiry events of the hottest keys (lab/hot_key_expiries.h),
// the marks on the dashboard's time charts (issue 15). The independent
// expectation is the simulated Redis's own count of expired keys
// (`expirations`, from RedisStore's stats, as INFO's expired_keys): with one
// key, every expiry the store counts is one of the watched key's, so the
// events must match it one for one.
#include <catch2/catch.hpp>

#include "lab/hot_key_expiries.h"
#include "results/result_store.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"
#include "workloads/zipf.h"

using cachelab::testing::RunCli;
using cachelab::testing::TempDir;

namespace {

cachelab::RunReport RunStored(const TempDir& dir, const std::string& args) {
  auto r = RunCli("run " + args + " --db " + (dir / "r.db"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  cachelab::ResultStore store(dir / "r.db", true);
  auto runs = store.ListRuns();
  REQUIRE(!runs.empty());
  return store.LoadRun(runs.back().id);
}

std::vector<double> ExpiryTimes(const cachelab::RunReport& r) {
  std::vector<double> t;
  for (const auto& e : r.events)
    if (e.kind == "expiry") t.push_back(cachelab::ToSeconds(e.t));
  return t;
}

}  // namespace

TEST_CASE("hot-key stampede: one expiry event per expiry the store counts, a TTL plus a reload apart") {
  TempDir dir("hot-expiry");
  // The stampede demo's run (lab/demo_catalog.cc), 1 s TTL, only reads of one key.
  cachelab::RunReport r = RunStored(dir, "--scenario hot-key --ttl 1s --recompute-ms 20 --requests 100000");
  std::vector<double> t = ExpiryTimes(r);
  REQUIRE(r.GetNumber("expirations") >= 3);
  CHECK(static_cast<double>(t.size()) == r.GetNumber("expirations"));
  CHECK(r.GetNumber("hot_key_expiries") == r.GetNumber("expirations"));
  for (size_t i = 1; i < t.size(); ++i) {
    INFO(t[i - 1] << " -> " << t[i]);
    // Refilled by a load of >= 20 ms after the expiry, then 1 s of TTL; no guard, so the
    // last of the concurrent loads sets the deadline (each SET restarts the TTL).
    CHECK(t[i] - t[i - 1] >= 1.02);
    CHECK(t[i] - t[i - 1] < 1.3);
  }
  for (const auto& e : r.events)
    if (e.kind == "expiry") CHECK(e.detail == "k:0 (the hottest key) reached its TTL");
}

TEST_CASE("a deleted key is no expiry: one key under writes matches the store's expired count") {
  TempDir dir("hot-expiry-writes");
  // One request in 100 is a write (cache-aside deletes the key), 30 ms TTL: deletes and expiries interleave.
  cachelab::RunReport r =
      RunStored(dir, "--keys 1 --read-fraction 0.99 --ttl 30ms --rate 2000 --requests 20000 --alpha 0.99");
  double expired = r.GetNumber("expirations");
  REQUIRE(expired > 100);  // more than the events marked: the cap applies
  CHECK(r.GetNumber("hot_key_expiries") == expired);
  CHECK(ExpiryTimes(r).size() == 100);  // lab/hot_key_expiries.h: kMaxEvents
  std::vector<double> t = ExpiryTimes(r);
  CHECK(std::is_sorted(t.begin(), t.end()));
}

// WatchFirst is the runner's shortcut for a Zipf workload: the keys Watch picks
// from every key's probability (the expectation, computed the long way).
TEST_CASE("WatchFirst watches the keys Watch picks from Zipf probabilities") {
  for (uint64_t keys : {1, 2, 3, 4, 1000}) {
    for (double alpha : {0.0, 1e-5, 0.6, 0.99, 2.0}) {
      cachelab::ZipfSampler z(keys, alpha);
      cachelab::HotKeyExpiries by_weight, first;
      by_weight.Watch(keys, [&](uint64_t k) { return z.Probability(k); });
      first.WatchFirst(keys);
      INFO("keys " << keys << " alpha " << alpha);
      CHECK(first.watched_keys() == by_weight.watched_keys());
      CHECK(first.watched_keys().size() == std::min<uint64_t>(keys, cachelab::HotKeyExpiries::kKeys));
    }
  }
}
