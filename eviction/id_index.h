// How IdLru finds its entries: by a hash map from object ids, or, once the
// owner hands out dense numbers instead of ids (Policy::UseNumbers: a numbered
// replay, eviction/dense_ids.h), by a plain array indexed by number. The array
// costs one load where the map probes a run of slots, and an erase clears one
// cell where the map shifts its run back; it is as long as the highest number
// seen (4 bytes a distinct id), so memory follows the trace's distinct ids.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "eviction/id_map.h"

namespace cachelab::eviction {

class IdIndex {
 public:
  static constexpr uint32_t kNone = IdMap::kNone;

  // Ids are dense numbers from now on, `known` of them given out already; call while empty.
  void UseNumbers(uint64_t known) {
    numbers_ = true;
    by_number_.assign(known, kNone);
  }
  uint32_t Find(uint64_t id) const {
    if (numbers_) return id < by_number_.size() ? by_number_[id] : kNone;
    return map_.Find(id);
  }
  // Starts loading id's cell (or home slot) into the cache. Always inlined:
  // g++ counts a prefetch as no side effect, so an out-of-line call to it is
  // "pure", returns nothing, and is deleted as dead code.
  [[gnu::always_inline]] void Prefetch(uint64_t id) const {
    if (!numbers_)
      map_.Prefetch(id);
    else if (id < by_number_.size())
      __builtin_prefetch(&by_number_[id]);
  }
  void Put(uint64_t id, uint32_t value) {
    if (!numbers_) return map_.Put(id, value);
    if (id >= by_number_.size()) by_number_.resize(std::max<uint64_t>(id + 1, by_number_.size() * 2), kNone);
    by_number_[id] = value;
  }
  void Erase(uint64_t id) {
    if (numbers_)
      by_number_[id] = kNone;
    else
      map_.Erase(id);
  }

 private:
  bool numbers_ = false;
  IdMap map_;
  std::vector<uint32_t> by_number_;  // kNone: absent
};

}  // namespace cachelab::eviction
