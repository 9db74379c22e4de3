// ARC (Megiddo & Modha, FAST'03) as libCacheSim's ARC.c (the find/insert/evict
// version): T1/T2 data lists, B1/B2 ghost lists, a fractional target p in the
// cache's unit (bytes or objects). A ghost hit moves p by max(|B2|/|B1|, 1)
// (or back by max(|B1|/|B2|, 1)) and the object re-enters into T2; room is
// then made by REPLACE only. Other misses use the paper's case IV: if T1 + B1
// plus the newcomer exceed c, drop B1's LRU ghost and REPLACE (or, with B1
// empty, evict T1's LRU without a ghost); else, with all four lists at 2c,
// drop B2's LRU ghost, then REPLACE. REPLACE takes T1's LRU into B1 if T1 is
// non-empty and above p (or at p on a B2 hit), or T2 is empty; else T2's LRU
// into B2.
#pragma once
#include <utility>

#include "eviction/ghost_ring.h"
#include "eviction/t1_t2_lists.h"

namespace cachelab::eviction {

class ArcPolicy final : public Policy {
 public:
  explicit ArcPolicy(const PolicyOptions& o) : cap_(static_cast<int64_t>(o.capacity)) {}
  std::string_view Name() const override { return "arc"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
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
  Handle Replace();  // the paper's REPLACE: a data LRU moves to its ghost list

  int64_t cap_;
  double p_ = 0;
  T1T2Lists data_;
  GhostList b1_, b2_;
  bool in_b1_ = false, in_b2_ = false;  // the current miss was a ghost hit
  int64_t incoming_ = 0;
};

}  // namespace cachelab::eviction
