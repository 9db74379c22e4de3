// GDSF, Greedy-Dual-Size-Frequency (Cherkasova, "Improving WWW proxies
// performance with Greedy-Dual-Size-Frequency caching policy", HP Labs
// HPL-98-69, 1998), as libCacheSim's cpp/GDSF.cpp (commit aa0fc409), which
// this matches exactly (cachesim table):
//  - priority = L + freq * 1e6 / size, computed in double in that order;
//    a new object has freq 1, a hit adds 1 and recomputes with today's L;
//  - evict the lowest priority, ties to the least recently requested; L
//    becomes the evicted priority (the "inflation" clock).
// Quirk kept: size is the object's size when it entered (a hit with a new
// size does not change it), as libCacheSim's "does not consider object size
// change". In object mode size is 1, so GDSF is LFU with aging.
#pragma once
#include "eviction/indexed_heap.h"

namespace cachelab::eviction {

class GdsfPolicy final : public Policy {
 public:
  std::string_view Name() const override { return "gdsf"; }
  void OnMiss(uint64_t, uint64_t, uint64_t) override { ++tick_; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override { heap_.Erase(h); }
  Handle Evict(uint64_t now) override;
  double inflation() const { return last_evicted_; }

 private:
  struct Key {
    double priority;
    uint64_t tick;  // request count at the last request: orders equal priorities (older first)
    bool operator<(const Key& o) const { return priority == o.priority ? tick < o.tick : priority < o.priority; }
  };
  struct Meta {
    uint64_t freq;
    uint32_t size;
  };
  IndexedHeap<Key> heap_;
  std::vector<Meta> meta_;
  double last_evicted_ = 0;  // L
  uint64_t tick_ = 0;
};

}  // namespace cachelab::eviction
