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

size_t JemallocSize(size_t n);
size_t SdsAllocSize(size_t len, bool allow_type5);
// shared_integers: values 0..9999 are Redis's shared objects (no allocation),
// which Redis uses unless maxmemory is set with an LRU or LFU policy.
size_t StringValueMemory(std::string_view data, size_t logical_size, bool shared_integers = false);
size_t KeyOverheadMemory(size_t key_len, bool has_expire);
size_t SetMemberMemory(size_t member_len);
inline constexpr size_t kSetObjectMemory = 16 + 64;  // robj + dict struct (rounded)
// One command's latency histogram (latency-tracking yes, the default):
// allocated the first time a command name runs. Measured on 7.0.15: the
// first GET on a fresh server raises used_memory by 24,688 bytes.
inline constexpr size_t kLatencyHistogramMemory = 24688;

}  // namespace cachelab
