// Trace ids numbered 0, 1, 2, ... in order of first appearance. The working-set
// pass builds it anyway (it must see every distinct id); kept for the replay,
// it lets the decoding thread turn each request's id into its number, so the
// replay loop indexes plain arrays instead of hashing, and an eviction erases
// no hash slot. Memory follows the distinct ids (12-byte slots, at most half
// full), not the trace length.
#pragma once
#include <cstddef>
#include <cstdint>

#include "eviction/id_map.h"
#include "eviction/replay_trace.h"

namespace cachelab::eviction {

class DenseIds {
 public:
  static constexpr uint32_t kNone = IdMap::kNone;

  // id's number, numbering it next when new (*fresh then true).
  uint32_t Number(uint64_t id, bool* fresh) {
    const uint32_t n = map_.FindOrPut(id, count_);
    *fresh = n == count_;
    if (*fresh) ++count_;
    return n;
  }
  void Prefetch(uint64_t id) const { map_.Prefetch(id); }
  uint32_t count() const { return count_; }
  size_t MemoryBytes() const { return map_.MemoryBytes(); }
  // Frees the ids' table once every request's number is known elsewhere
  // (cli/replay_stream.h's KeptNumbers); count() stays, Number() may not be called.
  void ForgetIds() {
    map_ = IdMap{};
    forgotten_ = true;
  }
  bool forgotten() const { return forgotten_; }

 private:
  IdMap map_{1024};
  uint32_t count_ = 0;
  bool forgotten_ = false;
};

// Fills chunk.dense: each request's number (new ids numbered as they come),
// kNone for size-0 requests, which replay skips.
void NumberChunk(DenseIds& ids, ReplayTrace& chunk);

}  // namespace cachelab::eviction
