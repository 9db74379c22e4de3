// LRU miss-ratio curve in one pass (Mattson et al. stack distances): request i
// hits an LRU cache of size C iff the bytes (or objects) of the distinct
// objects used since its previous request, plus its own, fit in C. A Fenwick
// tree over request positions sums them in O(log n).
//
// Exact (equal to Replay with "lru") when each object keeps one size and no
// object is larger than the cache; with sizes that change, an object keeps the
// size it was first seen with while it stays in the stack.
//
// SHARDS (Waldspurger et al., FAST'15), fixed rate: only ids whose hash falls
// below rate x 2^24 are tracked, and their distances are scaled by 1/rate;
// miss counts are scaled by 1/rate over the whole trace's totals (SHARDS-adj).
// A small sample can overshoot (a hot object in it); estimates are capped at
// the totals, so a ratio never exceeds 1.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "eviction/replay_trace.h"

namespace cachelab::eviction {

struct MrcPoint {
  uint64_t cache_size = 0;
  uint64_t requests = 0, misses = 0;  // estimates when sampling
  uint64_t requested_bytes = 0, miss_bytes = 0;
  uint64_t sampled_requests = 0;  // requests SHARDS tracked (all of them when exact)
  double miss_ratio() const { return requests ? static_cast<double>(misses) / static_cast<double>(requests) : 0; }
  double byte_miss_ratio() const {
    return requested_bytes ? static_cast<double>(miss_bytes) / static_cast<double>(requested_bytes) : 0;
  }
};

struct MrcOptions {
  bool object_mode = false;
  double shards_rate = 1.0;  // 1: every request (exact)
  // Called with the requests passed so far, for a progress meter (the core
  // has none of its own: the caller decides who is watching).
  std::function<void(uint64_t)> progress;
};

// One point per entry of `sizes` (any order). *seconds: CPU time of the pass.
std::vector<MrcPoint> LruMissRatioCurve(const ReplayTrace& trace, const std::vector<uint64_t>& sizes,
                                        const MrcOptions& options, double* seconds = nullptr);

}  // namespace cachelab::eviction
