// Redis's approximated eviction (evict.c): sample `samples` distinct keys, merge
// them into an eviction pool of 16 kept sorted by score, evict the best
// candidate that still exists. The score is idle time (redis-lru; the LRU clock
// has 1 s resolution, so keys touched in the same second tie) or 255 - LFU
// counter (redis-lfu). As in Redis: entries keep the score they were pooled
// with, a key may sit in the pool twice, deleted keys stay in the pool until
// they reach the best end and are skipped, and a new entry goes before pooled
// entries of equal score (so among ties the earlier-pooled key goes first).
// Entries are matched by (handle, id): a pooled key re-created under another
// handle is not recognised (Redis would find it by name).
// Also allkeys-random ("random"): a uniformly random key, or with
// dict_sampling dictGetRandomKey's (a random non-empty bucket, then a random
// key of its chain: keys in short chains are likelier).
#pragma once
#include <unordered_map>

#include "eviction/dense_set.h"
#include "eviction/policy.h"

namespace cachelab::eviction {

class RedisSampledPolicy : public Policy {
 public:
  enum class Mode { kLru, kLfu, kRandom };
  RedisSampledPolicy(Mode mode, const PolicyOptions& options);

  std::string_view Name() const override;
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;

  // Redis's LFU counter of h (tests and the simulated OBJECT FREQ).
  uint8_t LfuCounter(Handle h, uint64_t now) const;
  // dict_sampling: the key table's bucket count as the owner (the simulated
  // Redis, which applies dictExpandAllowed) has it; the sampled table is
  // rehashed to it. Without calls the table doubles when full by itself.
  void SetDictBuckets(size_t buckets);
  // dict_sampling: the length of the chain holding h, and the non-empty
  // buckets (tests: dictGetRandomKey picks h with 1 / (non-empty * length)).
  size_t DictChainLength(Handle h) const;
  size_t DictNonEmptyBuckets() const;

 private:
  struct Meta {
    uint64_t id = 0;
    uint64_t last_access = 0;  // LRU clock ticks (LRU) or minutes of last decrement (LFU)
    uint8_t counter = 0;       // LFU logarithmic counter
  };
  struct PoolEntry {
    uint64_t score;
    Handle h;
    uint64_t id;
  };
  void Populate(uint64_t now);  // evictionPoolPopulate
  void Consider(Handle h, uint64_t now);
  uint64_t LruClock(uint64_t now) const;
  uint64_t Score(Handle h, uint64_t now) const;
  uint64_t Next();  // xorshift stream, deterministic per policy
  uint8_t DecayedCounter(const Meta& m, uint64_t now) const;

  Mode mode_;
  PolicyOptions opt_;
  DenseHandleSet keys_;
  std::vector<Meta> meta_;
  void DictAdd(Handle h);
  void DictRemove(Handle h);
  void DictSample(uint64_t now);  // dictGetSomeKeys, then Consider
  Handle DictRandomKey();         // dictGetRandomKey
  void Rehash(size_t buckets, Handle skip);
  bool external_buckets_ = false;  // SetDictBuckets was called
  std::vector<std::vector<Handle>> buckets_;  // dict_sampling: chains, head last
  std::unordered_map<uint64_t, Handle> by_id_;  // pool_by_id: the live handle of each id
  std::vector<PoolEntry> pool_;  // ascending score; the best victim is last
  uint64_t rng_;
};

}  // namespace cachelab::eviction
