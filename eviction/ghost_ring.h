// Ids of evicted objects ("ghosts") with their sizes, oldest first: ARC's and
// CAR's B1/B2, 2Q's Aout, the ghost FIFOs of S3-FIFO and QD-LP, LeCaR's and
// Cacheus's histories. Ghosts enter at the new end and leave from the old end
// or from anywhere on a ghost hit; none moves. So they sit in a ring in push
// order, and a ghost hit only marks its slot dead (the old end skips dead
// slots): one line touched where a linked list's unlink touched three, and a
// push or pop walks the ring in order. Sizes are summed so byte-mode lists are
// bounded in bytes like libCacheSim's. A full ring is rebuilt with its live
// ghosts only, twice as large if more than half are live (amortised O(1)).
#pragma once
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "eviction/huge_page_allocator.h"
#include "eviction/id_index.h"

namespace cachelab::eviction {

class GhostList {
 public:
  // Ids are dense numbers from now on (IdIndex::UseNumbers); call while empty.
  void UseNumbers(NumberCell cell, uint32_t tag) { map_.UseNumbers(cell, tag); }
  [[gnu::always_inline]] void Prefetch(uint64_t id) const { map_.Prefetch(id); }
  bool Contains(uint64_t id) const { return map_.Find(id) != IdIndex::kNone; }
  uint64_t bytes() const { return bytes_; }
  size_t count() const { return count_; }
  bool empty() const { return count_ == 0; }
  // The oldest ghost (the list must not be empty).
  uint64_t TailId() const { return slots_[tail_ & mask_].id; }
  uint64_t TailSize() const { return slots_[tail_ & mask_].size; }

  void PushFront(uint64_t id, uint64_t size) {
    if (head_ - tail_ == slots_.size()) Rebuild();
    const uint64_t at = head_++ & mask_;
    slots_[at] = Slot{id, size};
    map_.Put(id, static_cast<uint32_t>(at));
    bytes_ += size;
    ++count_;
  }
  // True if it was there.
  bool Remove(uint64_t id) {
    const uint32_t at = map_.Find(id);
    if (at == IdIndex::kNone) return false;
    Slot& s = slots_[at];
    map_.Erase(id);
    bytes_ -= s.size;
    --count_;
    s.size = kDead;
    SkipDead();
    return true;
  }
  void PopBack() {
    if (count_ == 0) return;
    Slot& s = slots_[tail_ & mask_];
    map_.Erase(s.id);
    bytes_ -= s.size;
    --count_;
    ++tail_;
    SkipDead();
    // Pops come in ring order: the id a few pops on will have its entry
    // erased (a random line of the rows or the map); start loading it now.
    if (head_ - tail_ > kPopAhead) map_.PrefetchEntry(slots_[(tail_ + kPopAhead) & mask_].id);
  }
  // Starts loading id's entry (its cell in the rows, or its map slot).
  [[gnu::always_inline]] void PrefetchEntry(uint64_t id) const { map_.PrefetchEntry(id); }

 private:
  static constexpr uint64_t kDead = UINT64_MAX;  // no object has this size
  static constexpr uint64_t kPopAhead = 2;
  struct Slot {
    uint64_t id, size;
  };
  // The old end rests on a live ghost (or meets the new end).
  void SkipDead() {
    while (tail_ != head_ && slots_[tail_ & mask_].size == kDead) ++tail_;
  }
  void Rebuild() {
    const size_t cap = slots_.empty() ? 64 : count_ * 2 <= slots_.size() ? slots_.size() : slots_.size() * 2;
    // Slots are named in the id index by 31 bits (IdIndex::kTagBit).
    if (cap > IdIndex::kTagBit) throw std::length_error("ghost list: more than 2^31 ghosts");
    std::vector<Slot, HugePageAllocator<Slot>> next(cap);
    uint64_t n = 0;
    for (uint64_t i = tail_; i != head_; ++i) {
      const Slot& s = slots_[i & mask_];
      if (s.size == kDead) continue;
      next[n] = s;
      map_.Put(s.id, static_cast<uint32_t>(n));
      ++n;
    }
    slots_.swap(next);
    mask_ = cap - 1;
    tail_ = 0;
    head_ = n;
  }

  // bytes_ and count_ apart: side by side, g++ updates both with one 16-byte
  // load after two 8-byte stores, a store-forwarding stall on every drop.
  uint64_t bytes_ = 0;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // a power of two long
  uint64_t mask_ = 0;
  uint64_t tail_ = 0, head_ = 0;  // pushes before the oldest live ghost, and in all
  IdIndex map_;                   // id -> slot
  size_t count_ = 0;
};

}  // namespace cachelab::eviction
