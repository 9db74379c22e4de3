// A binary min-heap of handles ordered by a per-handle key, indexed by handle
// so a key can change (or a handle leave) in O(log n). Keys must be totally
// ordered by operator< for the pop order to be well defined; rank-based
// policies (GDSF, LRU-K) make them so with a unique request tick.
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "eviction/policy.h"

namespace cachelab::eviction {

template <class Key>
class IndexedHeap {
 public:
  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  bool Contains(Handle h) const { return h < pos_.size() && pos_[h] != kAbsent; }
  const Key& KeyOf(Handle h) const { return key_[h]; }
  Handle Top() const { return heap_.empty() ? kNoHandle : heap_[0]; }

  // Inserts h, or re-keys it if present.
  void Set(Handle h, const Key& k) {
    if (h >= pos_.size()) {
      pos_.resize(h + 1 + h / 2, kAbsent);
      key_.resize(pos_.size());
    }
    if (pos_[h] == kAbsent) {
      key_[h] = k;
      pos_[h] = static_cast<uint32_t>(heap_.size());
      heap_.push_back(h);
      Up(heap_.size() - 1);
      return;
    }
    const bool smaller = k < key_[h];
    key_[h] = k;
    if (smaller)
      Up(pos_[h]);
    else
      Down(pos_[h]);
  }
  void Erase(Handle h) {
    size_t i = pos_[h];
    Swap(i, heap_.size() - 1);
    heap_.pop_back();
    pos_[h] = kAbsent;
    if (i < heap_.size()) {
      Up(i);
      Down(i);
    }
  }
  Handle Pop() {
    if (heap_.empty()) return kNoHandle;
    Handle h = heap_[0];
    Erase(h);
    return h;
  }

 private:
  static constexpr uint32_t kAbsent = UINT32_MAX;
  bool Less(size_t a, size_t b) const { return key_[heap_[a]] < key_[heap_[b]]; }
  void Swap(size_t a, size_t b) {
    std::swap(heap_[a], heap_[b]);
    pos_[heap_[a]] = static_cast<uint32_t>(a);
    pos_[heap_[b]] = static_cast<uint32_t>(b);
  }
  void Up(size_t i) {
    while (i > 0 && Less(i, (i - 1) / 2)) {
      Swap(i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
  }
  void Down(size_t i) {
    for (;;) {
      size_t best = i, l = 2 * i + 1, r = l + 1;
      if (l < heap_.size() && Less(l, best)) best = l;
      if (r < heap_.size() && Less(r, best)) best = r;
      if (best == i) return;
      Swap(i, best);
      i = best;
    }
  }

  std::vector<Handle> heap_;
  std::vector<uint32_t> pos_;
  std::vector<Key> key_;
};

}  // namespace cachelab::eviction
