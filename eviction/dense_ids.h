// Trace ids numbered 0, 1, 2, ... in order of first appearance. The working-set
// pass builds it anyway (it must see every distinct id); kept for the replay,
// it lets the decoding thread turn each request's id into its number, so the
// replay loop indexes plain arrays instead of hashing, and an eviction erases
// no hash slot. Memory follows the distinct ids, not the trace length.
//
// Two ways to find an id's number. Traces whose ids are small integers
// (generated Zipf traces, cache2k's and Caffeine's traces, block numbers of a
// small volume) index an array by id: one load, in a table a fraction of the
// map's size (4 bytes an id up to the largest, where the map takes 24-48 bytes
// a distinct id), while the largest id stays below 8 per distinct id plus
// 2^20. The first id beyond that moves every number into the hash map (12-byte
// slots, at most half full), which all later ids use: hashed 64-bit ids
// (Twitter, CDN traces) go there at once. The numbers are the same either way.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "eviction/huge_page_allocator.h"
#include "eviction/id_map.h"
#include "eviction/replay_trace.h"

namespace cachelab::eviction {

class DenseIds {
 public:
  static constexpr uint32_t kNone = IdMap::kNone;
  // The array by id may span 8 entries per distinct id, plus this many.
  static constexpr uint64_t kArrayFloor = uint64_t{1} << 20;
  static constexpr uint64_t kArrayPerId = 8;

  // id's number, numbering it next when new (*fresh then true).
  uint32_t Number(uint64_t id, bool* fresh) {
    if (id < by_id_.size()) [[likely]] {
      uint32_t& n = by_id_[id];
      *fresh = n == kNone;
      if (*fresh) n = count_++;
      return n;
    }
    if (!array_) {
      const uint32_t n = map_.FindOrPut(id, count_);
      *fresh = n == count_;
      if (*fresh) ++count_;
      return n;
    }
    Outgrown(id);
    return Number(id, fresh);
  }
  // Number() over a run of requests: out[i] = ids[i]'s number (kNone where
  // sizes[i] == 0), on_new(i) for each id numbered here first. The same numbers
  // as one Number() at a time, with fewer instructions a request: the loops
  // keep the tables' fields in locals and prefetch ahead themselves.
  template <class OnNew>
  void NumberRun(const uint64_t* ids, const uint32_t* sizes, size_t n, uint32_t* out, OnNew&& on_new);
  uint32_t count() const { return count_; }
  // The trace's length, when known: a hash map, if the ids need one, starts
  // with room for 1/16 of that many ids (at most 2^20: a 24 MB table), not 16
  // doublings later (the doublings were a fifth of the numbering pass).
  void ExpectRequests(uint64_t requests) { expected_ = std::min<uint64_t>(requests / 16, uint64_t{1} << 20); }
  // False once the ids outgrew the array (or never fitted it).
  bool by_array() const { return array_; }
  size_t MemoryBytes() const { return map_.MemoryBytes() + by_id_.capacity() * sizeof(uint32_t); }
  // Frees the ids' tables once every request's number is known elsewhere
  // (replay/replay_stream.h's KeptNumbers); count() stays, Number() may not be called.
  void ForgetIds() {
    map_ = IdMap{};
    by_id_ = {};
    forgotten_ = true;
  }
  bool forgotten() const { return forgotten_; }

 private:
  // id is beyond the array: grow it if the rule above allows, else move to the map.
  void Outgrown(uint64_t id);

  std::vector<uint32_t, HugePageAllocator<uint32_t>> by_id_;  // by id: its number, kNone: not seen
  IdMap map_{16};
  uint32_t count_ = 0;
  uint64_t expected_ = 0;  // ids the map should have room for from the start
  bool array_ = true;
  bool forgotten_ = false;
};

template <class OnNew>
void DenseIds::NumberRun(const uint64_t* ids, const uint32_t* sizes, size_t n, uint32_t* out, OnNew&& on_new) {
  constexpr size_t kAhead = 16;  // how far ahead an id's cell is prefetched
  size_t i = 0;
  while (array_ && i < n) {
    uint32_t* by = by_id_.data();
    const uint64_t len = by_id_.size();
    uint32_t count = count_;
    for (; i < n; ++i) {
      if (i + kAhead < n && ids[i + kAhead] < len) __builtin_prefetch(&by[ids[i + kAhead]]);
      if (sizes[i] == 0) {
        out[i] = kNone;
        continue;
      }
      const uint64_t id = ids[i];
      if (id >= len) break;  // beyond the array: Number() grows it or moves to the map
      uint32_t v = by[id];
      if (v == kNone) {
        by[id] = v = count++;
        on_new(i);
      }
      out[i] = v;
    }
    count_ = count;
    if (i == n) return;
    bool fresh = false;
    out[i] = Number(ids[i], &fresh);
    if (fresh) on_new(i);
    ++i;
  }
  if (i < n)
    count_ = map_.NumberRun(ids + i, sizes + i, n - i, out + i, count_, [&](size_t j) { on_new(i + j); });
}

// Fills chunk.dense: each request's number (new ids numbered as they come),
// kNone for size-0 requests, which replay skips.
void NumberChunk(DenseIds& ids, ReplayTrace& chunk);

}  // namespace cachelab::eviction
