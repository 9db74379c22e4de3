// S3-FIFO (SOSP'23) as libCacheSim's S3FIFO.c: a small FIFO (10% of the cache),
// a main FIFO with a 2-bit clock (the rest) and a ghost FIFO of ids (90%).
// Misses enter the small FIFO, or main on a ghost hit; a miss as large as the
// small FIFO is not inserted (after eviction made room, as libCacheSim does).
// Small's tail moves to main if it was hit at least `move_to_main_threshold`
// (2) times, else leaves to the ghost. Main's tail is reinserted with freq
// min(freq,3)-1 while freq >= 1. Checked exactly against cachesim (commit
// aa0fc409, default parameters): tests/eviction_libcachesim_test.cc.
#pragma once
#include <utility>

#include "eviction/capacity_share.h"
#include "eviction/ghost_ring.h"
#include "eviction/handle_list.h"

namespace cachelab::eviction {

class S3FifoPolicy final : public Policy {
 public:
  explicit S3FifoPolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "s3fifo"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t) override {
    if (meta_[h].freq < 255) ++meta_[h].freq;
  }
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  void OnMiss(uint64_t id, uint64_t, uint64_t) override { hit_on_ghost_ = ghost_.Remove(id); }
  bool WantsNumberCell() const override { return true; }
  bool UseNumbers(uint64_t, NumberCell cell) override { return NumberLists(cell, ghost_); }
  // The replay loop's hint for a coming request: a miss reads its ghost cell.
  [[gnu::always_inline]] void PrefetchId(uint64_t id) const { PrefetchIn(id, ghost_); }
  // A numbered replay's victim, for its store (replay.cc: the store keeps no record of its own).
  std::pair<uint32_t, uint32_t> NumberAndSize(Handle h) const { return {static_cast<uint32_t>(meta_[h].id), meta_[h].size}; }
  bool Admits(uint64_t size) const override { return size <= small_cap_; }
  Handle TakeEvicted() override {
    Handle h = refused_;
    refused_ = kNoHandle;
    return h;
  }

 private:
  struct Meta {
    uint64_t id;
    uint32_t size;
    uint8_t in_main;
    uint8_t freq;
  };
  Handle EvictSmall();
  Handle EvictMain();
  void ToMain(Handle h);

  uint64_t small_cap_, main_cap_, ghost_cap_;
  int threshold_;
  uint64_t small_bytes_ = 0, main_bytes_ = 0;
  Links links_;
  HandleList small_{&links_}, main_{&links_};
  GhostList ghost_;
  std::vector<Meta> meta_;
  bool hit_on_ghost_ = false;
  Handle refused_ = kNoHandle;
};

}  // namespace cachelab::eviction
