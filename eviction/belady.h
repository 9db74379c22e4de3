// Belady's MIN (offline optimum for unit sizes): evict the object whose next
// request is farthest away (never again counts as infinitely far). Needs each
// request's next-access index (oracleGeneral traces). A heap indexed by
// handle, so a hit re-keys its object in O(log n).
#pragma once
#include <cstdint>

#include "eviction/indexed_heap.h"

namespace cachelab::eviction {

class BeladyPolicy final : public Policy {
 public:
  std::string_view Name() const override { return "belady"; }
  void Insert(Handle h, uint64_t, uint64_t, uint64_t) override { heap_.Set(h, -INT64_MAX); }  // until SetNextAccess
  void Access(Handle, uint64_t) override {}
  void Remove(Handle h) override { heap_.Erase(h); }
  Handle Evict(uint64_t) override { return heap_.Pop(); }
  bool WantsNextAccess() const override { return true; }
  // Keyed by -next: the min-heap's top is the farthest next request.
  void SetNextAccess(Handle h, int64_t next) override { heap_.Set(h, next < 0 ? -INT64_MAX : -next); }

 private:
  IndexedHeap<int64_t> heap_;
};

}  // namespace cachelab::eviction
