// LFU with Dynamic Aging (Arlitt, Cherkasova, Dilley, Friedrich & Jin,
// "Evaluating content management techniques for Web proxy caches", SIGMETRICS
// PER 2000), as libCacheSim's LFUDA.c (commit aa0fc409), which this matches
// (cachesim table). Objects sit in buckets by a key `freq`; `min_freq` is the
// aging term L (the key of the last eviction's bucket):
//  - a new object gets key min_freq + 1, at the newest end of its bucket;
//  - a hit ADDS min_freq to the key (not 1: libCacheSim's quirk, so before the
//    first eviction, with min_freq 0, a hit only moves the object to the
//    newest end of its bucket);
//  - evict the oldest object of bucket min_freq (bucket 1 while min_freq <= 1)
//    and set min_freq to that bucket's key;
//  - when the min_freq bucket empties (eviction, or a hit leaving it before it
//    joins its new bucket), min_freq moves to the lowest non-empty key in
//    (min_freq, max_freq], where max_freq is the largest key a HIT produced
//    (inserts do not raise it); if there is none, min_freq stays.
// Where that leaves min_freq on an empty bucket, libCacheSim's next eviction
// has no object to take and cachesim does not finish (seen at 48 objects on
// cloudPhysicsIO); cachelab then evicts from the lowest non-empty bucket
// (counted in stalled_evictions()) and otherwise agrees exactly.
#pragma once
#include <set>

#include "eviction/handle_list.h"
#include "eviction/id_map.h"

namespace cachelab::eviction {

class LfudaPolicy final : public Policy {
 public:
  std::string_view Name() const override { return "lfuda"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  uint64_t Key(Handle h) const { return key_[h]; }
  uint64_t min_freq() const { return min_freq_; }
  uint64_t stalled_evictions() const { return stalled_; }

 private:
  struct Bucket {
    uint64_t freq;
    HandleList objects;  // head: newest
  };
  uint32_t BucketFor(uint64_t freq);  // creates it (empty) if absent
  void Add(Handle h, uint64_t freq);
  void Take(Handle h);  // out of its bucket; frees the bucket if it empties
  void UpdateMinFreq();

  Links links_;
  std::vector<uint64_t> key_;        // per handle
  std::vector<Bucket> buckets_;
  std::vector<uint32_t> free_buckets_;
  IdMap bucket_of_freq_;             // non-empty buckets only
  std::set<uint64_t> nonempty_;      // their keys, in order
  uint64_t min_freq_ = 0, max_freq_ = 0, stalled_ = 0;
};

}  // namespace cachelab::eviction
