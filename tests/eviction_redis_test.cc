// Redis's sampled eviction (evict.c semantics) on hand-made traces: ties in
// the 1 s LRU clock, the pool's tie order, the LFU counter, determinism.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <random>

#include "eviction/eviction_pool.h"
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

// Evicts and re-inserts the victim (same bucket, so the same chain lengths)
// 120,000 times, all at time 0, and checks each key's share of the victims
// (keys are handles 0..n-1 with ids id_base + handle): the standard error of
// a share near 0.1 is under 0.001.
void CheckVictimShares(RedisSampledPolicy& p, uint64_t id_base, const std::vector<double>& expected) {
  const int kRounds = 120000;
  std::vector<int> count(expected.size(), 0);
  for (int r = 0; r < kRounds; ++r) {
    Handle v = p.Evict(0);
    REQUIRE(v < expected.size());
    ++count[v];
    p.Insert(v, id_base + v, 1, 0);
  }
  for (size_t k = 0; k < expected.size(); ++k) {
    double share = static_cast<double>(count[k]) / kRounds;
    INFO("key " << k << ": chain " << p.DictChainLength(static_cast<Handle>(k)) << ", share " << share
                << ", expected " << expected[k]);
    CHECK(std::abs(share - expected[k]) < 0.006);
  }
}

PolicyOptions DictOptions(uint64_t seed, int samples) {
  PolicyOptions o;
  o.seed = seed;
  o.samples = samples;
  o.pool_by_id = true;
  o.dict_sampling = true;
  return o;
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
  RedisSampledPolicy p(RedisSampledPolicy::Mode::kRandom, DictOptions(3, 5));
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
  CheckVictimShares(p, 1000, expected);
}

TEST_CASE("redis-lru samples as 7.0.15's dictGetSomeKeys: the chain that completes the sample is read by reservoir") {
  // redis-server 7.0.15 dict.c dictGetSomeKeys (reservoir sampling since
  // 7.0.12, redis#12276): walking from a random bucket, the chain that brings
  // the sample to `count` is read to its end, its k-th key past the count
  // replacing a random pick with chance count/k. With samples 1 and every
  // idle time tied, the victim is that one pick: with all 4 buckets
  // non-empty the walk starts in each with chance 1/4, and every key of the
  // chain is the pick with chance 1/length. Without the reservoir the chain's
  // head (its newest key) would always be the victim: 1/4 for heads, 0 else.
  RedisSampledPolicy p(RedisSampledPolicy::Mode::kLru, DictOptions(5, 1));
  p.SetDictBuckets(4);
  const int kKeys = 12;
  for (int k = 0; k < kKeys; ++k) p.Insert(static_cast<Handle>(k), 2000 + k, 1, 0);
  REQUIRE(p.DictNonEmptyBuckets() == 4);
  std::vector<double> expected(kKeys);
  bool chained = false;
  for (int k = 0; k < kKeys; ++k) {
    size_t len = p.DictChainLength(static_cast<Handle>(k));
    chained = chained || len > 1;
    expected[k] = 1.0 / (4.0 * static_cast<double>(len));
  }
  REQUIRE(chained);
  CheckVictimShares(p, 2000, expected);  // each round: one pick into an empty pool, the victim
}

namespace {

// Redis's pool as src/evict.c (redis/redis) writes it, transcribed:
// evictionPoolPopulate's insertion (scan from the left, memmove right into
// free space or left over the worst entry) and performEvictions' walk from
// the rightmost entry. A left-packed array of `size` slots, `used` marking
// evict.c's key != NULL.
struct RedisArrayPool {
  struct Slot {
    bool used = false;
    uint64_t idle = 0;
    uint64_t key = 0;
  };
  std::vector<Slot> pool;
  explicit RedisArrayPool(size_t size) : pool(size) {}
  void Populate(uint64_t idle, uint64_t key) {
    const size_t n = pool.size();
    size_t k = 0;
    while (k < n && pool[k].used && pool[k].idle < idle) k++;
    if (k == 0 && pool[n - 1].used) return;  // worse than the worst, no empty bucket
    if (k < n && !pool[k].used) {
      // inserting into an empty position
    } else if (!pool[n - 1].used) {  // free space on the right: shift k.. right
      std::copy_backward(pool.begin() + k, pool.end() - 1, pool.end());
    } else {  // no free space on the right: insert at k-1, discarding the first
      k--;
      std::copy(pool.begin() + 1, pool.begin() + k + 1, pool.begin());
    }
    pool[k] = Slot{true, idle, key};
  }
  bool PopBest(uint64_t* key) {
    for (size_t k = pool.size(); k-- > 0;)
      if (pool[k].used) {
        *key = pool[k].key;
        pool[k].used = false;
        return true;
      }
    return false;
  }
};

}  // namespace

TEST_CASE("the eviction pool orders entries as evict.c's array: ties, a full pool, taking the best") {
  SECTION("by hand, 3 slots") {
    EvictionPool pool(3);
    pool.Insert({5, 0, 1});
    pool.Insert({3, 0, 2});
    pool.Insert({5, 0, 3});  // ties go before: 3 leaves after 1
    REQUIRE(pool.size() == 3);
    CHECK(pool.at(0).id == 2);
    CHECK(pool.at(1).id == 3);
    CHECK(pool.at(2).id == 1);
    pool.Insert({3, 0, 4});  // full, not better than the worst (3): refused
    pool.Insert({4, 0, 5});  // drops 2, goes below the fives
    CHECK(pool.at(0).id == 5);
    CHECK(pool.PopBest().id == 1);
    CHECK(pool.PopBest().id == 3);
    pool.Insert({1, 0, 6});  // room again: enters at the worst end
    CHECK(pool.at(0).id == 6);
    CHECK(pool.at(1).id == 5);
  }
  SECTION("random inserts and pops against the array, scores with many ties") {
    for (size_t size : {1, 2, 3, 16}) {
      std::mt19937_64 rng(size);
      EvictionPool pool(size);
      RedisArrayPool redis(size);
      for (uint64_t key = 0; key < 20000; ++key) {
        if (rng() % 4 == 0) {
          uint64_t want = 0;
          bool some = redis.PopBest(&want);
          REQUIRE(some == !pool.empty());
          if (some) REQUIRE(pool.PopBest().id == want);
        } else {
          uint64_t idle = rng() % (key % 3 == 0 ? 4 : 40);
          redis.Populate(idle, key);
          pool.Insert({idle, 0, key});
        }
        std::vector<uint64_t> ours, theirs;
        for (size_t i = 0; i < pool.size(); ++i) ours.push_back(pool.at(i).id);
        for (const auto& slot : redis.pool)
          if (slot.used) theirs.push_back(slot.key);
        INFO("pool of " << size << ", step " << key);
        REQUIRE(ours == theirs);
      }
    }
  }
}
