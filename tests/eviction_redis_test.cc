// Redis's sampled eviction (evict.c semantics) on hand-made traces: ties in
// the 1 s LRU clock, the pool's tie order, the LFU counter, determinism.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "eviction/redis_sampled.h"
#include "eviction_test_util.h"

using namespace cachelab::eviction;
using namespace cachelab::eviction::testing;

namespace {

ReplayTrace Timed(const std::string& tokens, std::vector<int64_t> ms) {
  ReplayTrace t = TraceOf(tokens);
  t.time_ms = std::move(ms);
  return t;
}

std::string Run(const ReplayTrace& t, const char* policy, uint64_t cap, int resolution_ms = 1000) {
  PolicyOptions o;
  o.lru_clock_resolution_ms = resolution_ms;
  return HitMissString(t, policy, cap, true, o);
}

}  // namespace

TEST_CASE("redis-lru: the LRU clock ticks in seconds, so a key used in the same second can go") {
  // All within one second: every idle time is 0, and the pool evicts the key
  // pooled first among equals (a), although a was just used.
  auto t = Timed("a b c a d a", {0, 100, 200, 300, 400, 500});
  CHECK(Run(t, "redis-lru", 3) == "MMMHMM");
  // With a 1 ms clock the same trace evicts b, the true LRU key.
  CHECK(Run(t, "redis-lru", 3, 1) == "MMMHMH");
}

TEST_CASE("redis-lru with every key sampled evicts the largest idle time") {
  auto t = Timed("a b c d b e f g c", {0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000});
  // d evicts a, e evicts c, f evicts d, g evicts b: as exact LRU.
  CHECK(Run(t, "redis-lru", 3) == "MMMMHMMMM");
  CHECK(Run(t, "lru", 3) == "MMMMHMMMM");
  // FIFO gives the same string (d evicts a, e b, f c, g d), so check the
  // victims themselves: the hit on b at 4 s must save b from e's eviction.
  PolicyOptions o;
  o.samples = 16;  // >= keys: every key is sampled
  RedisSampledPolicy p(RedisSampledPolicy::Mode::kLru, o);
  std::map<char, Handle> cached;
  std::string victims;
  Handle next = 0;
  uint64_t ms = 0;
  for (char c : std::string("abcdbefgc")) {
    if (cached.count(c)) {
      p.Access(cached[c], ms);
    } else {
      if (cached.size() == 3) {
        Handle v = p.Evict(ms);
        for (auto it = cached.begin(); it != cached.end(); ++it)
          if (it->second == v) {
            victims += it->first;
            cached.erase(it);
            break;
          }
      }
      cached[c] = next;
      p.Insert(next++, static_cast<uint64_t>(c), 1, ms);
    }
    ms += 1000;
  }
  CHECK(victims == "acdbe");  // exact LRU; FIFO would evict a b c d e
}

TEST_CASE("redis-lfu: a key hit often outlives keys seen once") {
  // The first hit takes a from LFU_INIT_VAL 5 to 6 for sure (p = 1).
  auto t = Timed("a a a b c d e f a", {0, 1, 2, 3, 4, 5, 6, 7, 8});
  CHECK(Run(t, "redis-lfu", 3) == "MHHMMMMMH");
}

TEST_CASE("redis-lfu counter: LFU_INIT_VAL, certain first increment, decay per minute") {
  PolicyOptions o;
  RedisSampledPolicy p(RedisSampledPolicy::Mode::kLfu, o);
  p.Insert(0, 1, 1, 0);
  CHECK(p.LfuCounter(0, 0) == 5);
  p.Access(0, 0);
  CHECK(p.LfuCounter(0, 0) == 6);
  CHECK(p.LfuCounter(0, 3 * 60000) == 3);  // three minutes: three decrements
  CHECK(p.LfuCounter(0, 60 * 60000) == 0);
}

TEST_CASE("sampled policies are deterministic for a seed") {
  ReplayTrace t;
  for (int i = 0; i < 5000; ++i) {
    t.ids.push_back(static_cast<uint64_t>((i * 7919) % 613));
    t.sizes.push_back(1);
    t.time_ms.push_back(i * 10);
  }
  for (const char* name : {"redis-lru", "redis-lfu", "random"}) {
    PolicyOptions o;
    o.capacity = 100;
    auto a = MakePolicy(name, o, nullptr);
    auto b = MakePolicy(name, o, nullptr);
    INFO(name);
    CHECK(Replay(t, *a, ReplayConfig{100, true}).misses == Replay(t, *b, ReplayConfig{100, true}).misses);
  }
}

TEST_CASE("allkeys-random picks as dictGetRandomKey: a random non-empty bucket, then a key of its chain") {
  // redis-server 7.0.15 evict.c evicts allkeys-random victims with
  // dictGetRandomKey (dict.c): random buckets until a non-empty one, then
  // element `random() % listlen` of its chain. So a key's chance is
  // 1 / (non-empty buckets x its chain length), not 1 / keys: with 12 keys in
  // 8 buckets some chains hold two or three keys, whose keys go less often.
  PolicyOptions o;
  o.seed = 3;
  o.pool_by_id = true;
  o.dict_sampling = true;
  RedisSampledPolicy p(RedisSampledPolicy::Mode::kRandom, o);
  p.SetDictBuckets(8);
  const int kKeys = 12;
  for (int k = 0; k < kKeys; ++k) p.Insert(static_cast<Handle>(k), 1000 + k, 1, 0);
  std::vector<double> expected(kKeys);
  const double nonempty = static_cast<double>(p.DictNonEmptyBuckets());
  bool chained = false;
  for (int k = 0; k < kKeys; ++k) {
    size_t len = p.DictChainLength(static_cast<Handle>(k));
    REQUIRE(len > 0);
    chained = chained || len > 1;
    expected[k] = 1.0 / (nonempty * static_cast<double>(len));
  }
  REQUIRE(chained);  // 12 keys in 8 buckets: at least one chain of two
  // Evict and put the victim back (same bucket, so the same chain lengths).
  const int kRounds = 120000;
  std::vector<int> count(kKeys, 0);
  for (int r = 0; r < kRounds; ++r) {
    Handle v = p.Evict(0);
    REQUIRE(v != kNoHandle);
    ++count[v];
    p.Insert(v, 1000 + v, 1, 0);
  }
  for (int k = 0; k < kKeys; ++k) {
    double share = static_cast<double>(count[k]) / kRounds;
    INFO("key " << k << ": chain " << p.DictChainLength(static_cast<Handle>(k)) << ", share " << share
                << ", expected " << expected[k]);
    // 120,000 draws: the standard error of a share near 0.1 is under 0.001.
    CHECK(std::abs(share - expected[k]) < 0.006);
  }
}
