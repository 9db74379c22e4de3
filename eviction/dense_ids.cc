#include "eviction/dense_ids.h"

#include <algorithm>

namespace cachelab::eviction {

void DenseIds::Outgrown(uint64_t id) {
  uint64_t size = std::max<uint64_t>(by_id_.size(), 1 << 16);
  while (size <= id && size <= (uint64_t{1} << 40)) size *= 2;
  if (size > id && size <= kArrayPerId * count_ + kArrayFloor) {
    by_id_.resize(size, kNone);
    return;
  }
  // For good: every number so far into the map (room for half as many more, or
  // as many as expected), the array freed.
  map_ = IdMap(std::max<size_t>(static_cast<size_t>(count_) * 3 / 2 + 16, expected_));
  for (uint64_t i = 0; i < by_id_.size(); ++i)
    if (by_id_[i] != kNone) map_.Put(i, by_id_[i]);
  by_id_ = {};
  array_ = false;
}

void NumberChunk(DenseIds& ids, ReplayTrace& chunk) {
  chunk.dense.resize(chunk.size());
  ids.NumberRun(chunk.ids.data(), chunk.sizes.data(), chunk.size(), chunk.dense.data(), [](size_t) {});
}

}  // namespace cachelab::eviction
