// Segmented LRU as libCacheSim's SLRU.c (defaults: 4 segments, each
// trunc(capacity / 4)). Source: Karedla, Love & Wherry, "Caching strategies
// to improve disk system performance", IEEE Computer 1994; the rules below
// are libCacheSim's (aa0fc409), which this matches exactly (cachesim table).
//  - A miss enters the head of the lowest segment with room for it, else
//    segment 0 (which may then exceed its share).
//  - A hit in the top segment moves to its head; a hit elsewhere moves to the
//    head of the next segment up, and any segment over its share "cools":
//    its tail drops to the head of the segment below, cascading; segment 0
//    cooling evicts (so a hit can evict: the owner drains TakeEvicted).
//  - Eviction takes the tail of the lowest non-empty segment.
#pragma once
#include <array>

#include "eviction/handle_list.h"

namespace cachelab::eviction {

class SlruPolicy final : public Policy {
 public:
  static constexpr int kSegments = 4;
  explicit SlruPolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "slru"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  bool Admits(uint64_t size) const override { return size <= seg_cap_; }
  Handle TakeEvicted() override;

 private:
  struct Meta {
    uint64_t size;
    int seg;
  };
  void Cool(int seg);
  Handle EvictLowest();

  uint64_t seg_cap_;
  std::array<uint64_t, kSegments> bytes_{};
  Links links_;
  std::array<HandleList, kSegments> segs_{HandleList{&links_}, HandleList{&links_}, HandleList{&links_},
                                          HandleList{&links_}};
  std::vector<Meta> meta_;
  std::vector<Handle> dropped_;
};

}  // namespace cachelab::eviction
