// A queue's share of the cache: trunc(capacity * ratio), as libCacheSim sizes
// its sub-queues, computed without overflow for any 64-bit capacity (a double
// at or above 2^64 would make the conversion undefined, so it saturates).
#pragma once
#include <cstdint>

namespace cachelab::eviction {

inline uint64_t CapacityShare(uint64_t capacity, double ratio) {
  if (!(ratio > 0)) return 0;
  double v = static_cast<double>(capacity) * ratio;
  if (v >= 18446744073709551616.0) return UINT64_MAX;
  return static_cast<uint64_t>(v);
}

}  // namespace cachelab::eviction
