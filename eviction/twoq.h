// 2Q (Johnson & Shasha, VLDB'94) as libCacheSim's TwoQ.c: Ain, a FIFO of 25% of
// the cache; Aout, a ghost FIFO of ids sized 50%; Am, an LRU of the rest. Misses
// enter Ain, or Am on an Aout hit. Eviction takes Ain's tail (into Aout) while
// Ain is over its size, else Am's LRU. Am is a cache of its own: inserting
// into it first evicts its LRU objects until the newcomer fits Am's size.
#pragma once
#include <utility>

#include "eviction/capacity_share.h"
#include "eviction/ghost_ring.h"
#include "eviction/handle_list.h"

namespace cachelab::eviction {

class TwoQPolicy final : public Policy {
 public:
  explicit TwoQPolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "twoq"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t) override {
    if (meta_[h].in_am) am_.MoveToFront(h);
  }
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  void OnMiss(uint64_t id, uint64_t, uint64_t) override { hit_on_ghost_ = aout_.Remove(id); }
  bool WantsNumberCell() const override { return true; }
  bool UseNumbers(uint64_t, NumberCell cell) override { return NumberLists(cell, aout_); }
  // The replay loop's hint for a coming request: a miss reads its ghost cell.
  [[gnu::always_inline]] void PrefetchId(uint64_t id) const { PrefetchIn(id, aout_); }
  // A numbered replay's victim, for its store (replay.cc: the store keeps no record of its own).
  std::pair<uint32_t, uint32_t> NumberAndSize(Handle h) const { return {static_cast<uint32_t>(meta_[h].id), meta_[h].size}; }
  bool Admits(uint64_t size) const override { return size <= in_cap_; }
  Handle TakeEvicted() override;

 private:
  struct Meta {
    uint64_t id;
    uint32_t size;
    uint8_t in_am;
  };
  Handle EvictAin();

  uint64_t in_cap_, out_cap_, am_cap_;
  uint64_t in_bytes_ = 0, am_bytes_ = 0;
  Links links_;
  HandleList ain_{&links_}, am_{&links_};
  GhostList aout_;
  std::vector<Meta> meta_;
  std::vector<Handle> dropped_;
  bool hit_on_ghost_ = false;
};

}  // namespace cachelab::eviction
