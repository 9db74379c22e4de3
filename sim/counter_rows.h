// Counters by dense id (e.g. a key's committed version) in the bytes of a
// Narrow each, instead of 8: a counter that reaches Narrow's largest value
// moves, whole, to a side map by id (the row then holds that largest value as
// a marker). Exact for every uint64_t count; the map stays empty unless some
// id counts past 2^32 - 2 (with uint32_t: 4.3 billion commits of one key).
#pragma once
#include <cstdint>
#include <limits>
#include <unordered_map>

#include "sim/chunked_rows.h"

namespace cachelab {

template <typename Narrow = uint32_t>
class CounterRows {
 public:
  // id's count (0: never incremented).
  uint64_t Get(uint32_t id) const {
    const Narrow* n = rows_.Find(id);
    if (!n) return 0;
    return *n == kSpilled ? spilled_.at(id) : *n;
  }
  // Adds one to id's count; returns the new count.
  uint64_t Increment(uint32_t id) {
    Narrow& n = rows_.At(id);
    if (n < kSpilled - 1) return ++n;
    if (n == kSpilled - 1) {
      n = kSpilled;
      return spilled_[id] = uint64_t{kSpilled};
    }
    return ++spilled_.at(id);
  }
  // Starts loading id's row into the cache (a hint: nothing changes).
  void Prefetch(uint32_t id) const { rows_.Prefetch(id); }

 private:
  static constexpr Narrow kSpilled = std::numeric_limits<Narrow>::max();
  ChunkedRows<Narrow> rows_;                      // up to the largest id incremented
  std::unordered_map<uint32_t, uint64_t> spilled_;  // ids whose count reached kSpilled
};

}  // namespace cachelab
