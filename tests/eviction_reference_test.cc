// Cross-check against independent, deliberately naive implementations (a
// vector in recency order, linear scans) on random traces whose sizes change
// between requests, in byte and object mode.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "eviction/replay.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

using namespace cachelab;
using namespace cachelab::eviction;

namespace {

struct Entry {
  uint64_t id, size;
  bool bit = false;
  uint64_t freq = 1, seq = 0;
};

// Index 0 is the head (newest).
struct NaiveCache {
  std::string policy;
  uint64_t cap, used = 0, seq = 0;
  std::vector<Entry> q;
  bool hand_set = false;
  uint64_t hand_id = 0;

  size_t IndexOf(uint64_t id) const {
    for (size_t i = 0; i < q.size(); ++i)
      if (q[i].id == id) return i;
    return SIZE_MAX;
  }
  void EvictOne() {
    size_t v;
    if (policy == "lru" || policy == "fifo") {
      v = q.size() - 1;
    } else if (policy == "clock") {
      while (q.back().bit) {
        Entry e = q.back();
        e.bit = false;
        q.pop_back();
        q.insert(q.begin(), e);
      }
      v = q.size() - 1;
    } else if (policy == "sieve") {
      size_t i = hand_set ? IndexOf(hand_id) : q.size() - 1;
      while (q[i].bit) {
        q[i].bit = false;
        i = i == 0 ? q.size() - 1 : i - 1;
      }
      v = i;
      hand_set = v > 0;
      if (hand_set) hand_id = q[v - 1].id;
    } else {  // lfu
      v = 0;
      for (size_t i = 1; i < q.size(); ++i)
        if (q[i].freq < q[v].freq || (q[i].freq == q[v].freq && q[i].seq < q[v].seq)) v = i;
    }
    used -= q[v].size;
    q.erase(q.begin() + static_cast<long>(v));
  }
  bool Get(uint64_t id, uint64_t size) {
    size_t i = IndexOf(id);
    if (i != SIZE_MAX) {
      if (policy == "lru") {
        Entry e = q[i];
        q.erase(q.begin() + static_cast<long>(i));
        q.insert(q.begin(), e);
      } else if (policy == "clock" || policy == "sieve") {
        q[i].bit = true;
      } else if (policy == "lfu") {
        ++q[i].freq;
        q[i].seq = ++seq;
      }
      return true;
    }
    if (size > cap) return false;
    while (used + size > cap) EvictOne();
    Entry e{id, size};
    e.seq = ++seq;
    q.insert(q.begin(), e);
    used += size;
    return false;
  }
};

ReplayTrace RandomTrace(std::mt19937_64& rng, size_t n, uint64_t ids, bool zero_sizes) {
  ReplayTrace t;
  std::geometric_distribution<uint64_t> pick(3.0 / static_cast<double>(ids));
  std::uniform_int_distribution<uint32_t> size(1, 50);
  for (size_t i = 0; i < n; ++i) {
    t.ids.push_back(pick(rng) % ids + 1000);
    uint32_t s = size(rng);
    if (zero_sizes && s == 50) s = 0;
    if (s == 49) s = 500;  // sometimes larger than small caches
    t.sizes.push_back(s);
  }
  return t;
}

}  // namespace

TEST_CASE("lru/fifo/clock/sieve/lfu agree with naive references on random traces") {
  std::mt19937_64 rng(42);
  for (int round = 0; round < 30; ++round) {
    ReplayTrace t = RandomTrace(rng, 3000, 40 + round * 10, round % 3 == 0);
    for (bool object_mode : {false, true}) {
      for (uint64_t cap : {uint64_t{1}, uint64_t{7}, uint64_t{60}, uint64_t{400}, uint64_t{2000}}) {
        for (const char* policy : {"lru", "fifo", "clock", "sieve", "lfu"}) {
          NaiveCache ref;
          ref.policy = policy;
          ref.cap = cap;
          uint64_t misses = 0, miss_bytes = 0;
          for (size_t i = 0; i < t.size(); ++i) {
            if (t.sizes[i] == 0) continue;
            if (!ref.Get(t.ids[i], object_mode ? 1 : t.sizes[i])) {
              ++misses;
              miss_bytes += t.sizes[i];
            }
          }
          PolicyOptions o;
          o.capacity = cap;
          auto p = MakePolicy(policy, o, nullptr);
          ReplayResult r = Replay(t, *p, ReplayConfig{cap, object_mode});
          INFO("round " << round << " " << policy << " cap " << cap << " object_mode " << object_mode);
          REQUIRE(r.misses == misses);
          REQUIRE(r.miss_bytes == miss_bytes);
        }
      }
    }
  }
}

TEST_CASE("LFU on cloudPhysicsIO agrees with an ordered-set reference") {
  std::string error;
  auto reader = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin", {}, &error);
  REQUIRE(reader);
  ReplayTrace t;
  REQUIRE(LoadReplayTrace(*reader, false, &t, &error));
  for (uint64_t cap : {uint64_t{489}, uint64_t{4897}}) {
    // (freq, seq) -> id; the smallest is the victim.
    std::set<std::pair<uint64_t, uint64_t>> order;
    std::map<uint64_t, std::pair<uint64_t, uint64_t>> where;
    uint64_t seq = 0, misses = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      auto it = where.find(t.ids[i]);
      if (it != where.end()) {
        order.erase(it->second);
        it->second = {it->second.first + 1, ++seq};
        order.insert(it->second);
        continue;
      }
      ++misses;
      if (where.size() == cap) {
        auto victim = *order.begin();
        order.erase(order.begin());
        for (auto w = where.begin(); w != where.end(); ++w)
          if (w->second == victim) {
            where.erase(w);
            break;
          }
      }
      where[t.ids[i]] = {1, ++seq};
      order.insert({1, seq});
    }
    PolicyOptions o;
    o.capacity = cap;
    auto p = MakePolicy("lfu", o, nullptr);
    CHECK(Replay(t, *p, ReplayConfig{cap, true}).misses == misses);
  }
}
