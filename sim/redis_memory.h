// Redis 7.0's memory cost of a key, as INFO's used_memory counts it on 64-bit
// Linux with jemalloc: allocations rounded up to jemalloc's size classes.
//   main dict entry (24 B -> 32), key sds (1/3/5/9-byte header + len + 1),
//   value: embstr (robj 16 + sdshdr8 3 + len + 1, one allocation) up to 44
//   bytes, else robj 16 + raw sds; integers in range use the robj alone;
//   an expiry adds an entry in the expires dict (32).
// Dict bucket arrays (8 B per bucket, power of two) are counted by the store.
// docs/simulated-redis.md compares this with a real server's INFO memory.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cachelab {

// Inline: the store recounts a key's memory at every write and removal, and
// as calls (to one another, with constant arguments) they cost ~80
// instructions a recount; inlined, JemallocSize(24) is a constant.
inline size_t JemallocSize(size_t n) {
  if (n <= 8) return 8;
  if (n <= 128) return (n + 15) & ~size_t{15};
  // Four classes per doubling: 2^k + i * 2^(k-2).
  size_t k = 63 - __builtin_clzll(n - 1);  // 2^k < n <= 2^(k+1)
  size_t step = size_t{1} << (k - 2);
  return (n + step - 1) & ~(step - 1);
}

inline size_t SdsAllocSize(size_t len, bool allow_type5) {
  size_t hdr;
  if (len < 32 && allow_type5) hdr = 1;
  else if (len < 256) hdr = 3;
  else if (len < 65536) hdr = 5;
  else hdr = 9;
  return JemallocSize(hdr + len + 1);
}

// StringValueMemory of an unpadded value of at most 20 bytes (maybe an integer).
size_t ShortStringValueMemory(std::string_view data, bool shared_integers);
// shared_integers: values 0..9999 are Redis's shared objects (no allocation),
// which Redis uses unless maxmemory is set with an LRU or LFU policy.
inline size_t StringValueMemory(std::string_view data, size_t logical_size, bool shared_integers = false) {
  if (logical_size == data.size() && logical_size <= 20 && !data.empty())
    return ShortStringValueMemory(data, shared_integers);
  if (logical_size <= 44) return JemallocSize(16 + 3 + logical_size + 1);
  return 16 + SdsAllocSize(logical_size, false);
}

inline size_t KeyOverheadMemory(size_t key_len, bool has_expire) {
  return JemallocSize(24) + SdsAllocSize(key_len, true) + (has_expire ? JemallocSize(24) : 0);
}

// The set's bucket array is counted once for the whole set by the store.
inline size_t SetMemberMemory(size_t member_len) { return JemallocSize(24) + SdsAllocSize(member_len, true); }
inline constexpr size_t kSetObjectMemory = 16 + 64;  // robj + dict struct (rounded)
// A set of integers only, up to set-max-intset-entries (512) members, is an
// intset: robj 16 + one allocation of an 8-byte header and n members of 2, 4
// or 8 bytes (the widest member's width, never narrowed), resized per member.
inline constexpr size_t kSetMaxIntsetEntries = 512;
inline size_t IntsetSetMemory(size_t members, size_t width) { return 16 + JemallocSize(8 + members * width); }
// _intsetValueEncoding: the width an intset needs for v.
inline uint8_t IntsetWidth(int64_t v) {
  return v < INT32_MIN || v > INT32_MAX ? 8 : v < INT16_MIN || v > INT16_MAX ? 4 : 2;
}
// One command's latency histogram (latency-tracking yes, the default):
// allocated the first time a command name runs. Measured on 7.0.15: the
// first GET on a fresh server raises used_memory by 24,688 bytes.
inline constexpr size_t kLatencyHistogramMemory = 24688;

}  // namespace cachelab
