// QD-LP, "quick demotion + lazy promotion" (Yang, Qiu, Zhang, Yue & Rashmi,
// "FIFO can be better than LRU: the power of lazy promotion and quick
// demotion", HotOS'23), as libCacheSim's QDLP.c with its defaults (commit
// aa0fc409; exact against cachesim, see the table):
//  - a probationary FIFO of 10% of the cache (fifo-size-ratio), a main CLOCK
//    with 2-bit counters (the rest; QDLP.c's default main-cache=Clock2) and a
//    ghost FIFO of evicted ids bounded at 90% of the cache (ghost-size-ratio);
//  - a miss whose id is in the ghost enters main, others enter the FIFO; an
//    object as large as the FIFO is not inserted unless it enters main
//    (QDLP.c checks this after room was made, so the room is made anyway);
//  - eviction takes the FIFO's tail: hit at least move-to-main-threshold (1)
//    times while in the FIFO, it moves to main, else its id goes to the ghost;
//    with the FIFO empty, main evicts: its tail with a counter > 0 is
//    decremented and moved to the head, the first at 0 goes.
// Quirks kept: main is a cache of its own, so moving an object into a full
// main evicts from main there and then (the owner drains those), and an object
// larger than main's share is dropped on the way in; a hit in main adds 1 to
// the counter up to 3. Parameters: `--policy-params qdlp:fifo-size-ratio=0.1,
// ghost-size-ratio=0.9,move-to-main-threshold=1` (main-cache is fixed: Clock2).
#pragma once
#include <utility>

#include "eviction/dropped_handles.h"
#include "eviction/ghost_ring.h"
#include "eviction/handle_list.h"

namespace cachelab::eviction {

class QdlpPolicy final : public Policy {
 public:
  explicit QdlpPolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "qdlp"; }
  void OnMiss(uint64_t id, uint64_t size, uint64_t now) override;
  bool WantsNumberCell() const override { return true; }
  bool UseNumbers(uint64_t, NumberCell cell) override { return NumberLists(cell, ghost_); }
  // The replay loop's hint for a coming request: a miss reads its ghost cell.
  [[gnu::always_inline]] void PrefetchId(uint64_t id) const { PrefetchIn(id, ghost_); }
  // A numbered replay's victim, for its store (replay.cc: the store keeps no record of its own).
  std::pair<uint32_t, uint32_t> NumberAndSize(Handle h) const { return {static_cast<uint32_t>(meta_[h].id), meta_[h].size}; }
  bool Admits(uint64_t size) const override { return size <= fifo_cap_; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  Handle TakeEvicted() override { return dropped_.Take(); }

 private:
  enum : uint8_t { kFifo, kMain, kNowhere };
  struct Meta {
    uint64_t id;
    uint32_t size;
    uint8_t where;
    uint8_t hits;  // FIFO: requests while in it (capped); main: the 2-bit counter
  };
  void ToMain(Handle h);  // main's own get: room made in main, or dropped if too large
  Handle EvictMain();

  uint64_t fifo_cap_, main_cap_, ghost_cap_;
  int threshold_;
  uint64_t fifo_bytes_ = 0, main_bytes_ = 0;
  Links links_;
  HandleList fifo_{&links_}, main_{&links_};
  GhostList ghost_;
  std::vector<Meta> meta_;
  DroppedHandles dropped_;  // evicted by main on its own, or refused
  bool ghost_hit_ = false;
};

}  // namespace cachelab::eviction
