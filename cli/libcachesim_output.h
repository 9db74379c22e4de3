// `cachelab replay --output libcachesim`: the result lines libCacheSim's
// cachesim prints (bin/cachesim/main.c at aa0fc409, several caches), so its
// plotting scripts read ours unchanged:
//   result/<trace base name> <name, %32s> cache size <%8ld><unit>, <n> req,
//   miss ratio <%.4f>, byte miss ratio <%.4f>
// The unit (GiB/MiB/KiB/B, or none in object mode) is chosen from the first
// size, as cachesim does, and every size is divided by it (truncating).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace cachelab::cli {

struct LibCacheSimRow {
  std::string policy;  // cachelab's canonical name
  std::string params;  // for names that carry parameters (s3fifo: "0.1000-2")
  uint64_t cache_size = 0, requests = 0, misses = 0, requested_bytes = 0, miss_bytes = 0;
};

// libCacheSim's cache_name for a cachelab policy ("lru" -> "LRU", "twoq" -> "TwoQ").
std::string LibCacheSimCacheName(const std::string& policy, const std::string& params);
std::string LibCacheSimResultLines(const std::string& trace_path, const std::vector<LibCacheSimRow>& rows,
                                   bool object_mode);

}  // namespace cachelab::cli
