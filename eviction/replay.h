// The trace-replay loop: no event queue, just the reference simulator's
// semantics (libCacheSim's cache_get_base) over a decoded trace:
//  - every request is a get; size-0 requests are skipped;
//  - a hit updates the policy but never the stored size;
//  - a miss counts (miss bytes = this request's size); an object larger than
//    the cache is never inserted; otherwise evict until it fits, then insert.
// Object mode counts every object as size 1. The id -> handle index is an
// open-addressing map holding only cached objects.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "eviction/policy.h"
#include "eviction/replay_trace.h"

namespace cachelab::eviction {

struct ReplayConfig {
  uint64_t capacity = 0;     // bytes, or objects in object mode
  bool object_mode = false;  // --ignore-obj-size
};

// Warm-up and windows (replay --warmup/--window): requests before index
// measure_from fill the cache but count in no total; each index in
// window_ends (ascending, > measure_from) closes a window of the series.
struct ReplayCuts {
  size_t measure_from = 0;
  std::vector<size_t> window_ends;
};

// Counts over one window of requests [begin, end) of the trace.
struct ReplayWindow {
  size_t end = 0;
  uint64_t requests = 0, misses = 0, requested_bytes = 0, miss_bytes = 0;
};

struct ReplayResult {
  uint64_t requests = 0, misses = 0;
  uint64_t requested_bytes = 0, miss_bytes = 0;  // trace sizes, in both modes
  uint64_t skipped_zero_size = 0;
  uint64_t peak_objects = 0;
  uint64_t index_bytes = 0;  // the harness's own per-object memory at the end (map + handle arrays)
  double seconds = 0;        // CPU time of the replay loop only
  std::vector<ReplayWindow> windows;  // one per ReplayCuts::window_ends
};

// Replays `trace` through `policy` (fresh, sized for config.capacity).
// Concrete built-in policies run in a loop specialised for their type.
ReplayResult Replay(const ReplayTrace& trace, Policy& policy, const ReplayConfig& config,
                    const ReplayCuts& cuts = {});

// trunc(fraction x working set) in the mode's unit.
uint64_t CacheSizeFromFraction(double fraction, const WorkingSet& ws, bool object_mode);

}  // namespace cachelab::eviction
