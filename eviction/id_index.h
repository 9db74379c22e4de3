// How IdLru finds its entries: by a hash map from object ids, or, once the
// owner hands out dense numbers instead of ids (Policy::UseNumbers: a numbered
// replay, eviction/dense_ids.h), by the policy's cell in the store's row of
// each number (eviction/number_rows.h). The cell costs one load where the map
// probes a run of slots, and an erase clears one cell where the map shifts its
// run back; memory follows the trace's distinct ids (4 bytes each).
#pragma once
#include <cstdint>

#include "eviction/id_map.h"
#include "eviction/number_rows.h"

namespace cachelab::eviction {

class IdIndex {
 public:
  static constexpr uint32_t kNone = IdMap::kNone;
  // Values below 2^31: the top bit of a shared cell names which index holds it.
  static constexpr uint32_t kTagBit = 1u << 31;

  // Ids are dense numbers from now on, their entries kept in `cell` (the
  // store's rows, number_rows.h); up to two indexes of one policy share it,
  // told apart by `tag` (0 or 1), as an object is in at most one of them at
  // a time (ARC's and CAR's B1 and B2). Call while empty.
  void UseNumbers(NumberCell cell, uint32_t tag) {
    numbers_ = true;
    cell_ = cell;
    tag_ = tag ? kTagBit : 0;
  }
  uint32_t Find(uint64_t id) const {
    if (!numbers_) return map_.Find(id);
    const uint32_t v = cell_.Get(id);
    return v != kNone && (v & kTagBit) == tag_ ? v & ~kTagBit : kNone;
  }
  // Starts loading id's home slot into the cache. By number there is nothing
  // to do: the replay prefetches the store's row, which holds the cell.
  // Always inlined: g++ counts a prefetch as no side effect, so an
  // out-of-line call to it is "pure", returns nothing, and is deleted as dead code.
  [[gnu::always_inline]] void Prefetch(uint64_t id) const {
    if (!numbers_) map_.Prefetch(id);
  }
  // Starts loading id's entry wherever it is (its cell by number, its slot by id).
  [[gnu::always_inline]] void PrefetchEntry(uint64_t id) const {
    if (numbers_) cell_.Prefetch(id);
    else map_.Prefetch(id);
  }
  void Put(uint64_t id, uint32_t value) {
    if (!numbers_) return map_.Put(id, value);
    cell_.Set(id, value | tag_);
  }
  // id must be in this index.
  void Erase(uint64_t id) {
    if (numbers_)
      cell_.Set(id, kNone);
    else
      map_.Erase(id);
  }

 private:
  bool numbers_ = false;
  uint32_t tag_ = 0;
  IdMap map_;
  NumberCell cell_;
};

// A policy's Policy::UseNumbers and replay prefetch hint over its id lists
// (one or two: they share the policy's cell, tagged 0 and 1).
template <class... Lists>
bool NumberLists(NumberCell cell, Lists&... lists) {
  static_assert(sizeof...(Lists) <= 2, "a number's cell tells two lists apart, not more");
  if (!cell.valid()) return false;
  uint32_t tag = 0;
  (lists.UseNumbers(cell, tag++), ...);
  return true;
}
template <class... Lists>
[[gnu::always_inline]] inline void PrefetchIn(uint64_t id, const Lists&... lists) {
  (lists.Prefetch(id), ...);
}

}  // namespace cachelab::eviction
