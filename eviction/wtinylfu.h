// W-TinyLFU (Einziger et al., TOS'17), Caffeine's layout: a window LRU (1% of
// the cache) in front of a segmented LRU main area (20% probation, 80%
// protected). Window overflow moves to probation's head; to evict, that newest
// candidate competes with probation's LRU and the one the count-min sketch
// deems less popular leaves.
// Deterministic, but not bit-identical to libCacheSim's WTinyLFU (its sketch
// hashes differ), so no exact cross-check exists for this one.
#pragma once
#include "eviction/count_min_sketch.h"
#include "eviction/handle_list.h"

namespace cachelab::eviction {

class WTinyLfuPolicy : public Policy {
 public:
  explicit WTinyLfuPolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "wtinylfu"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  void OnMiss(uint64_t id, uint64_t, uint64_t) override { sketch_.Increment(id); }

 protected:  // wtinylfu_adaptive.h resizes the window
  enum Where : uint8_t { kWindow, kProbation, kProtected };
  struct Meta {
    uint64_t id;
    uint32_t size;
    Where where;
  };
  void Move(Handle h, Where to);  // to the head of `to`
  HandleList& ListOf(Where w) { return w == kWindow ? window_ : w == kProbation ? probation_ : protected_; }
  int64_t& BytesOf(Where w) { return bytes_[w]; }

  int64_t window_cap_, main_cap_, protected_cap_;
  int64_t bytes_[3] = {0, 0, 0};
  Links links_;
  HandleList window_{&links_}, probation_{&links_}, protected_{&links_};
  std::vector<Meta> meta_;
  CountMinSketch sketch_;
};

}  // namespace cachelab::eviction
