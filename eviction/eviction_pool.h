// Redis's eviction pool (evict.c, EVPOOL_SIZE entries): candidates sorted by
// ascending score, the best victim last. evictionPoolPopulate inserts a
// candidate before the first entry whose score is >= its own (so among ties
// the earlier-pooled entry leaves first); a full pool drops its worst entry
// (the first) to make room, or refuses a candidate that is not better than it.
// Redis keeps an array and memmoves the entries on one side; here the array is
// a ring, so the side with fewer entries moves: a candidate that enters at the
// worst end (the usual case: the pool holds the best of many samples) moves
// nothing. The order of the entries is the same as Redis's array.
#pragma once
#include <cstdint>
#include <vector>

#include "eviction/policy.h"

namespace cachelab::eviction {

class EvictionPool {
 public:
  struct Entry {
    uint64_t score;
    Handle h;
    uint64_t id;
  };
  explicit EvictionPool(size_t capacity) : slots_(capacity < 1 ? 1 : capacity), cap_(slots_.size()) {}

  size_t size() const { return used_; }
  bool empty() const { return used_ == 0; }
  // The i-th entry from the worst (0) to the best (size() - 1).
  const Entry& at(size_t i) const { return slots_[Slot(i)]; }

  [[gnu::always_inline]] inline void Insert(const Entry& e) {
    const size_t cap = cap_;
    size_t k = 0;  // Redis scans from the worst end too
    while (k < used_ && slots_[Slot(k)].score < e.score) ++k;
    if (used_ == cap) {
      if (k == 0) return;  // not better than the worst of a full pool
      first_ = Slot(1);    // drop the worst
      --used_;
      --k;
    }
    if (k < used_ - k) {  // the k worse entries move one slot down, into the free slot before the first
      first_ = first_ == 0 ? cap - 1 : first_ - 1;
      for (size_t i = 0; i < k; ++i) slots_[Slot(i)] = slots_[Slot(i + 1)];
    } else {  // the better entries move one slot up
      for (size_t i = used_; i > k; --i) slots_[Slot(i)] = slots_[Slot(i - 1)];
    }
    slots_[Slot(k)] = e;
    ++used_;
  }

  Entry PopBest() { return slots_[Slot(--used_)]; }

 private:
  size_t Slot(size_t i) const {
    size_t j = first_ + i;
    return j >= cap_ ? j - cap_ : j;
  }

  std::vector<Entry> slots_;
  size_t cap_;                   // slots_.size()
  size_t first_ = 0, used_ = 0;  // the worst entry's slot; entries held
};

}  // namespace cachelab::eviction
