// A set of slot numbers with O(1) insert and erase and a position order
// (erase moves the last member into the hole), as eviction::DenseHandleSet,
// whose order it reproduces exactly, in ChunkedRows instead of vectors: no
// doubling slack and no reallocation peak (old and new vector alive at once).
// The simulated Redis's keys with a TTL (its expires dict, walked by
// position by active expiry).
#pragma once
#include <cstddef>
#include <cstdint>

#include "sim/chunked_rows.h"

namespace cachelab {

class SlotSet {
 public:
  void Insert(uint32_t slot) {
    Pos& p = pos_.At(slot);
    if (p.at != kAbsent) return;
    p.at = static_cast<uint32_t>(size_);
    items_.At(static_cast<uint32_t>(size_)) = slot;
    ++size_;
  }
  bool Erase(uint32_t slot) {
    Pos* p = pos_.Find(slot);
    if (!p || p->at == kAbsent) return false;
    uint32_t last = items_[static_cast<uint32_t>(size_ - 1)];
    items_[p->at] = last;
    pos_[last].at = p->at;
    p->at = kAbsent;
    --size_;
    return true;
  }
  bool Contains(uint32_t slot) const {
    const Pos* p = pos_.Find(slot);
    return p && p->at != kAbsent;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // The member at position i < size().
  uint32_t at(size_t i) const { return items_[static_cast<uint32_t>(i)]; }

 private:
  static constexpr uint32_t kAbsent = UINT32_MAX;
  struct Pos {
    uint32_t at = kAbsent;  // position in items_
  };
  ChunkedRows<Pos> pos_;         // by slot, up to the largest slot inserted
  ChunkedRows<uint32_t> items_;  // positions 0 .. size_ - 1 (rows beyond: left from larger sizes)
  size_t size_ = 0;
};

}  // namespace cachelab
