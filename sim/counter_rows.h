// Counters by dense id (e.g. a key's committed version) in the bytes of a
// Narrow each, instead of 8. The top sixteenth of Narrow's range is not a
// count but an index into a small array of full counts (the few ids that
// count that far: hot keys, read by index with no hashing); once those are
// taken, a row holds Narrow's largest value and its count is in a side map by
// id. Exact for every uint64_t count.
#pragma once
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

#include "sim/chunked_rows.h"

namespace cachelab {

template <typename Narrow = uint32_t>
class CounterRows {
 public:
  // id's count (0: never incremented).
  uint64_t Get(uint32_t id) const {
    const Narrow* n = rows_.Find(id);
    if (!n) return 0;
    if (*n < kFirstWide) return *n;
    return *n != kSpilled ? wide_[*n - kFirstWide] : spilled_.at(id);
  }
  // Adds one to id's count; returns the new count.
  uint64_t Increment(uint32_t id) {
    Narrow& n = rows_.At(id);
    if (n < kFirstWide - 1) return ++n;
    if (n == kFirstWide - 1) {  // kFirstWide does not fit the row: to the array, or the map when it is full
      if (wide_.size() < kSpilled - kFirstWide) {
        n = static_cast<Narrow>(kFirstWide + wide_.size());
        wide_.push_back(kFirstWide);
      } else {
        n = kSpilled;
        spilled_[id] = kFirstWide;
      }
      return kFirstWide;
    }
    return n != kSpilled ? ++wide_[n - kFirstWide] : ++spilled_.at(id);
  }
  // Adds k to id's count; returns the new count (a version that jumps:
  // write-behind commits a row as the newest write folded into it).
  uint64_t Add(uint32_t id, uint64_t k) {
    if (k == 0) return Get(id);
    Narrow& n = rows_.At(id);
    if (n < kFirstWide) {
      uint64_t room = kFirstWide - 1 - n;  // what still fits the row
      if (k <= room) return n = static_cast<Narrow>(n + k);
      n = kFirstWide - 1;
      k -= room;
      Increment(id);  // across the edge: n now names a full count
      if (--k == 0) return kFirstWide;
    }
    return (n != kSpilled ? wide_[n - kFirstWide] : spilled_.at(id)) += k;
  }
  // Starts loading id's row into the cache (a hint: nothing changes).
  void Prefetch(uint32_t id) const { rows_.Prefetch(id); }

 private:
  static constexpr Narrow kSpilled = std::numeric_limits<Narrow>::max();
  static constexpr Narrow kFirstWide = kSpilled - kSpilled / 16;  // uint16_t: 61,440; uint32_t: 15/16 of 2^32
  ChunkedRows<Narrow> rows_;                        // up to the largest id incremented
  std::vector<uint64_t> wide_;                      // rows kFirstWide + i: count wide_[i]
  std::unordered_map<uint32_t, uint64_t> spilled_;  // ids whose row is kSpilled
};

}  // namespace cachelab
