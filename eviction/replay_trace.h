// A trace decoded once into compact parallel arrays, shared read-only by every
// (policy, size) replay running in parallel: 12 bytes a request, plus 8 for
// the next-access index (oracle traces), 8 for time and 8 for TTL (when asked for).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace cachelab::eviction {

// An allocator whose resize() leaves new elements uninitialised: decoding
// overwrites every element it adds, and zero-filling the chunk arrays first
// was a second pass over 12-16 bytes a request.
template <class T>
struct NoFillAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = NoFillAllocator<U>;
  };
  NoFillAllocator() = default;
  template <class U>
  NoFillAllocator(const NoFillAllocator<U>&) {}
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
template <class T>
using ChunkVector = std::vector<T, NoFillAllocator<T>>;

struct ReplayTrace {
  ChunkVector<uint64_t> ids;
  ChunkVector<uint32_t> sizes;   // bytes as in the trace; 0-size requests are skipped in replay
  std::vector<int64_t> next;     // next request index of the same object, -1: never; empty if unknown
  std::vector<int64_t> time_ms;  // request times; empty if not kept
  std::vector<int64_t> ttl_ms;   // per-request TTL (0: none); empty if not kept (--use-ttl)
  ChunkVector<uint32_t> dense;   // per-request id number (eviction/dense_ids.h); empty unless numbered
  size_t size() const { return ids.size(); }
};

// The working set: unique objects, and bytes counting each object at its
// first-seen size (libCacheSim's definition). Size-0 requests are ignored.
struct WorkingSet {
  uint64_t objects = 0;
  uint64_t bytes = 0;
};
WorkingSet ComputeWorkingSet(const ReplayTrace& trace);

}  // namespace cachelab::eviction
