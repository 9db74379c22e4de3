// CAR, Clock with Adaptive Replacement (Bansal & Modha, FAST'04, Fig. 2).
// libCacheSim has no CAR; this follows the paper line by line. Two CLOCKs hold
// the cache: T1 (seen once lately) and T2 (seen at least twice); B1/B2 are LRU
// lists of ids evicted from them; p is T1's target size. A hit only sets the
// page's reference bit. A miss with the cache full runs replace(): while T1
// holds at least max(1, p), T1's hand page goes to B1 if unreferenced, else to
// T2's tail with its bit cleared; otherwise T2's hand page goes to B2 if
// unreferenced, else back to T2's tail cleared. Then, for an id in neither
// ghost list, B1's LRU is dropped if |T1| + |B1| = c, else B2's LRU if all
// four lists hold 2c. A new id enters T1's tail; a B1 hit raises p by
// max(1, |B2|/|B1|) (a B2 hit lowers it by max(1, |B1|/|B2|)), both measured
// after replace(), and the id enters T2's tail; every entry has its bit clear.
// Byte mode (not in the paper) measures the lists in bytes, replaces until the
// newcomer fits and scales p's step by the newcomer's size.
#pragma once
#include <utility>

#include "eviction/ghost_ring.h"
#include "eviction/t1_t2_lists.h"

namespace cachelab::eviction {

class CarPolicy final : public Policy {
 public:
  explicit CarPolicy(const PolicyOptions& o) : cap_(static_cast<int64_t>(o.capacity)) {}
  std::string_view Name() const override { return "car"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t) override { data_.at(h).ref = 1; }
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  void OnMiss(uint64_t id, uint64_t size, uint64_t now) override;
  bool WantsNumberCell() const override { return true; }
  bool UseNumbers(uint64_t, NumberCell cell) override { return NumberLists(cell, b1_, b2_); }
  // The replay loop's hint for a coming request: a miss reads its ghost cell.
  [[gnu::always_inline]] void PrefetchId(uint64_t id) const { PrefetchIn(id, b1_, b2_); }
  // A numbered replay's victim, for its store (replay.cc: the store keeps no record of its own).
  std::pair<uint32_t, uint32_t> NumberAndSize(Handle h) const { return {static_cast<uint32_t>(data_.at(h).id), data_.at(h).size}; }
  double p() const { return p_; }

 private:
  int64_t cap_;
  double p_ = 0;
  T1T2Lists data_;  // each list's head: the clock's tail (newest); its tail: the hand
  GhostList b1_, b2_;
  uint8_t ghost_ = 0;     // the current miss is in B1 (1), B2 (2) or neither (0)
  bool replaced_ = false;  // the current miss ran replace()
};

}  // namespace cachelab::eviction
