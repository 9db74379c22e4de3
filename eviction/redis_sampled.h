// Redis's approximated eviction (evict.c): sample `samples` distinct keys, merge
// them into an eviction pool of 16 kept sorted by score, evict the best
// candidate that still exists. The score is idle time (redis-lru; the LRU clock
// has 1 s resolution, so keys touched in the same second tie) or 255 - LFU
// counter (redis-lfu). As in Redis: entries keep the score they were pooled
// with, a key may sit in the pool twice, deleted keys stay in the pool until
// they reach the best end and are skipped, and a new entry goes before pooled
// entries of equal score (so among ties the earlier-pooled key goes first).
// Without pool_by_id (replays) entries are matched by (handle, id): a pooled
// key re-created under another handle is not recognised. With pool_by_id an
// entry is found by id in the modelled key table (dictFind: the id's chain,
// newest first), so a key re-created under another handle is found (of two
// live keys with one 64-bit id, a hash collision, the newer).
// Also allkeys-random ("random"): a uniformly random key, or with
// dict_sampling dictGetRandomKey's (a random non-empty bucket, then a random
// key of its chain: keys in short chains are likelier).
#pragma once

#include "eviction/dense_set.h"
#include "eviction/eviction_pool.h"
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

  Mode mode() const { return mode_; }
  // Redis's LFU counter of h (tests and the simulated OBJECT FREQ).
  uint8_t LfuCounter(Handle h, uint64_t now) const;
  // estimateObjectIdleTime: ms since h's last access by the LRU clock (the
  // simulated OBJECT IDLETIME). REQUIRES: mode() != kLfu.
  uint64_t IdleMs(Handle h, uint64_t now) const;
  // dict_sampling: the key table's bucket count as the owner (the simulated
  // Redis, which applies dictExpandAllowed) has it; the sampled table is
  // rehashed to it. Without calls the table doubles when full by itself.
  void SetDictBuckets(size_t buckets) {
    if (opt_.dict_sampling && buckets >= 4 && (buckets != heads_.size() || !external_buckets_)) Resize(buckets);
  }
  // dict_sampling: the length of the chain holding h, and the non-empty
  // buckets (tests: dictGetRandomKey picks h with 1 / (non-empty * length)).
  size_t DictChainLength(Handle h) const;
  size_t DictNonEmptyBuckets() const;

 private:
  struct Meta {
    uint64_t id = 0;
    uint64_t last_access = 0;  // LRU clock ticks (LRU) or minutes of last decrement (LFU)
    uint8_t counter = 0;       // LFU logarithmic counter
    Handle next = kNoHandle;   // the key table: the next key of this key's chain
  };
  // The clock a sample's score is read against, computed once per Populate.
  struct ScoreClock {
    uint64_t ticks;  // LRU clock (LRU) or minutes (LFU)
  };
  void Populate(uint64_t now);  // evictionPoolPopulate
  void Consider(Handle h, ScoreClock clock);
  uint64_t LruClock(uint64_t now) const;
  ScoreClock ClockAt(uint64_t now) const;
  uint64_t Score(Handle h, ScoreClock clock) const;
  uint8_t DecayedCounterAt(const Meta& m, uint64_t minutes) const;
  uint64_t Next();  // xorshift stream, deterministic per policy
  uint8_t DecayedCounter(const Meta& m, uint64_t now) const;

  Mode mode_;
  PolicyOptions opt_;
  DenseHandleSet keys_;
  std::vector<Meta> meta_;
  // The modelled key table (dict_sampling, or pool_by_id to find keys by id):
  // a chained hash table whose chains link through Meta::next.
  bool dict_ = false;
  void DictAdd(Handle h);
  void DictRemove(Handle h);
  Handle DictTake(uint64_t id);   // dictFind, unlinked: the newest live key with this id
  void DictSample(uint64_t now);  // dictGetSomeKeys, then Consider
  Handle DictTakeRandomKey();     // dictGetRandomKey, unlinked
  void Resize(size_t buckets);    // SetDictBuckets (an emptied dict keeps its table)
  void Rehash(size_t buckets);
  bool external_buckets_ = false;  // SetDictBuckets was called
  std::vector<Handle> heads_;      // each bucket's chain head (the newest key), kNoHandle if empty
  EvictionPool pool_;
  uint64_t rng_;
};

}  // namespace cachelab::eviction
