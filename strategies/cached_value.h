// What the lab stores in a cache entry beyond the version: the guards that
// decide on a hit (xfetch, stale-while-revalidate, refresh-ahead) need the
// measured recompute time and the entry's own deadlines, stored with the
// value as XFetch prescribes. Plain entries stay "v<version>" (VersionOf
// reads both); a lease placeholder is "L<token>" (version 0).
#pragma once
#include <cstdint>

#include "sim/blob.h"
#include "sim/time.h"

namespace cachelab {

struct CachedValue {
  uint64_t version = 0;
  SimTime delta = 0;        // how long the load that produced it took
  SimTime soft_expiry = 0;  // swr: stale after this (0: none)
  SimTime expiry = 0;       // when the cache will drop it (0: unknown/none)
  uint64_t lease = 0;       // non-zero: a lease placeholder, no value
};

// With metadata=false only the version is encoded (no allocation for short values).
Blob EncodeValue(const CachedValue& v, uint32_t size, bool metadata);
CachedValue DecodeValue(const Blob& b);

}  // namespace cachelab
