// The trace-replay loop: no event queue, just the reference simulator's
// semantics (libCacheSim's cache_get_base) over a decoded trace:
//  - every request is a get; size-0 requests are skipped;
//  - a hit updates the policy but never the stored size;
//  - a miss counts (miss bytes = this request's size); an object larger than
//    the cache is never inserted; otherwise evict until it fits, then insert.
//  - with an admission filter, a miss asks it first (before the size check,
//    as cache_can_insert_default): refused, the object is not inserted.
//  - with use_ttl, an object inserted at time t by a request with TTL T > 0
//    expires at t + T: a request at a later time (now > t + T, libCacheSim's
//    comparison) removes it and misses. Expiry is lazy, on access, as in
//    libCacheSim; a hit does not extend the TTL; TTL 0 never expires.
// Object mode counts every object as size 1. The id -> handle index is an
// open-addressing map holding only cached objects.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "eviction/admission.h"
#include "eviction/dense_ids.h"
#include "eviction/id_map.h"
#include "eviction/policy.h"
#include "eviction/replay_trace.h"

namespace cachelab::eviction {

struct ReplayConfig {
  uint64_t capacity = 0;     // bytes, or objects in object mode
  bool object_mode = false;  // --ignore-obj-size
  bool use_ttl = false;      // --use-ttl: needs trace.ttl_ms and time_ms
  Admission* admission = nullptr;  // --admission: asked on every miss (not owned; one per replay)
  bool numbered = false;  // chunks carry trace.dense (NumberChunk): look objects up by number
  uint64_t numbers_known = 0;  // numbered: numbers given out before the replay (per-number arrays start this long)
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
  uint64_t expired = 0;  // requests that found their object expired (use_ttl)
  uint64_t refused = 0;  // misses the admission filter kept out
  uint64_t peak_objects = 0;
  uint64_t index_bytes = 0;  // the harness's own per-object memory at the end (map + handle arrays)
  double seconds = 0;        // CPU time of the replay loop only
  std::vector<ReplayWindow> windows;  // one per ReplayCuts::window_ends
};

// One replay fed the trace in chunks, in order (streaming: memory is the
// cache's, not the trace's). `base` is the chunk's first request index.
class ReplayRunner {
 public:
  virtual ~ReplayRunner() = default;
  virtual void Feed(const ReplayTrace& chunk, uint64_t base) = 0;
  virtual ReplayResult Finish() = 0;
};
// Concrete built-in policies run in a loop specialised for their type.
// `cuts` are absolute request indices, so they fall anywhere across chunks.
std::unique_ptr<ReplayRunner> MakeReplayRunner(Policy& policy, const ReplayConfig& config,
                                               const ReplayCuts& cuts = {});

// Replays `trace` through `policy` (fresh, sized for config.capacity).
ReplayResult Replay(const ReplayTrace& trace, Policy& policy, const ReplayConfig& config,
                    const ReplayCuts& cuts = {});

// The working set counted chunk by chunk (memory: the distinct ids, which it
// numbers on the way: TakeIds() hands them to a numbered replay).
class WorkingSetCounter {
 public:
  // With `numbers` (chunk.size() of them), each request's number goes there
  // too (DenseIds::kNone for a size-0 request, which is not numbered).
  void Add(const ReplayTrace& chunk, uint32_t* numbers = nullptr);
  // An id met for the first time, with its size then (what the working set counts).
  struct Sighting {
    uint64_t id;
    uint64_t size;
  };
  // Add, noting each first sighting in `fresh` (for a later part of the trace
  // counted apart: MergeLater).
  void AddNoting(const ReplayTrace& chunk, std::vector<Sighting>* fresh);
  // The first sightings of the part of the trace right after this one,
  // counted by another counter: each id not seen here is numbered next and
  // counted, in order, as one counter over both parts would have.
  void MergeLater(const std::vector<Sighting>& later);
  // The trace holds about this many requests (0: unknown): sizes the id table.
  void ExpectRequests(uint64_t requests) { seen_.ExpectRequests(requests); }
  WorkingSet result() const { return ws_; }
  DenseIds TakeIds() { return std::move(seen_); }

 private:
  DenseIds seen_;
  WorkingSet ws_;
  std::vector<uint32_t> scratch_;  // numbers of a chunk nobody keeps
};

// trunc(fraction x working set) in the mode's unit.
uint64_t CacheSizeFromFraction(double fraction, const WorkingSet& ws, bool object_mode);

}  // namespace cachelab::eviction
