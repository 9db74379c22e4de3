#include "eviction/dense_ids.h"

namespace cachelab::eviction {

void NumberChunk(DenseIds& ids, ReplayTrace& chunk) {
  // How far ahead a coming id's slot is prefetched (the table outgrows the caches).
  constexpr size_t kAhead = 16;
  const size_t n = chunk.size();
  chunk.dense.resize(n);
  bool fresh = false;
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) ids.Prefetch(chunk.ids[i + kAhead]);
    chunk.dense[i] = chunk.sizes[i] == 0 ? DenseIds::kNone : ids.Number(chunk.ids[i], &fresh);
  }
}

}  // namespace cachelab::eviction
