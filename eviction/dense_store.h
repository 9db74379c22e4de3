// The cached objects of one replay when requests come numbered (DenseIds):
// number -> handle is a plain array, so a lookup is one load and releasing a
// victim clears one entry (no hash probe, no backward shift). The array is as
// long as the highest number seen (4 bytes a distinct id); handles stay
// compact (reused), so the policies' per-handle arrays follow the cache.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "eviction/handle_slab.h"
#include "eviction/policy.h"
#include "eviction/replay_trace.h"

namespace cachelab::eviction {

class DenseStore {
 public:
  explicit DenseStore(size_t /*expected*/) {}
  // The key this store looks request i up by: its number.
  static uint32_t Key(const ReplayTrace& t, size_t i) { return t.dense[i]; }
  // `known` numbers are given out already: the array starts that long.
  void Reserve(uint64_t known) { handle_of_.resize(std::max<uint64_t>(handle_of_.size(), known), kNoHandle); }
  Handle Find(uint32_t n) const { return n < handle_of_.size() ? handle_of_[n] : kNoHandle; }
  void Prefetch(uint32_t n) const {
    if (n < handle_of_.size()) __builtin_prefetch(&handle_of_[n]);
  }
  Handle Add(uint32_t n, uint32_t size) {
    if (n >= handle_of_.size()) handle_of_.resize(std::max<size_t>(n + 1, handle_of_.size() * 2), kNoHandle);
    const Handle h = objects_.Add({n, size});
    handle_of_[n] = h;
    used_ += size;
    ++count_;
    return h;
  }
  void Release(Handle h) {
    const Object& o = objects_[h];
    used_ -= o.size;
    handle_of_[o.number] = kNoHandle;
    objects_.Release(h);
    --count_;
  }
  uint64_t used() const { return used_; }
  size_t count() const { return count_; }
  uint64_t MemoryBytes() const {
    return handle_of_.capacity() * sizeof(Handle) + objects_.MemoryBytes();
  }

 private:
  struct Object {
    uint32_t number;
    uint32_t size;
  };
  // used_ and count_ apart: side by side, g++ adds to both with one 16-byte
  // load after Release's two 8-byte stores, a store-forwarding stall on every
  // miss (88% of Add's samples).
  uint64_t used_ = 0;
  std::vector<Handle> handle_of_;  // by number; kNoHandle: not cached
  HandleSlab<Object> objects_;
  size_t count_ = 0;
};

}  // namespace cachelab::eviction
