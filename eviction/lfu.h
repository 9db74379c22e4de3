// LFU with O(1) frequency buckets (a list of buckets in frequency order, each a
// list of objects). New objects have frequency 1; evict from the lowest
// frequency, and within it the object that entered that bucket earliest (as
// libCacheSim's LFU). Frequencies are forgotten on eviction.
#pragma once
#include "eviction/handle_list.h"

namespace cachelab::eviction {

class LfuPolicy final : public Policy {
 public:
  std::string_view Name() const override { return "lfu"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  uint64_t Frequency(Handle h) const { return buckets_[bucket_of_[h]].freq; }
  // The object Evict() would take, left in place; kNoHandle when empty.
  Handle Peek() const { return first_ == kNil ? kNoHandle : buckets_[first_].objects.tail(); }
  // For Cacheus's CR-LFU (ties broken toward the most recent): the newest
  // arrival at the lowest frequency, and entry with a remembered frequency.
  Handle PeekNewest() const { return first_ == kNil ? kNoHandle : buckets_[first_].objects.head(); }
  void InsertWithFrequency(Handle h, uint64_t freq);

 private:
  struct Bucket {
    uint64_t freq;
    HandleList objects;   // head: newest arrival
    uint32_t prev, next;  // neighbouring buckets, ascending frequency
  };
  static constexpr uint32_t kNil = UINT32_MAX;
  uint32_t NewBucketAfter(uint32_t after, uint64_t freq);  // after == kNil: at the front
  void DropIfEmpty(uint32_t b);

  Links links_;
  std::vector<uint32_t> bucket_of_;
  std::vector<Bucket> buckets_;
  std::vector<uint32_t> free_buckets_;
  uint32_t first_ = kNil;  // lowest frequency
};

}  // namespace cachelab::eviction
