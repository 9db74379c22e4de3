// Cache sizes on the command line: "128MiB", "1GiB", "4096", "0.01" (a fraction
// of the working set), or an object count with --ignore-obj-size.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "eviction/replay_trace.h"

namespace cachelab::cli {

// The largest absolute cache size: 1 PiB (or 2^50 objects).
inline constexpr uint64_t kMaxCacheSize = uint64_t{1} << 50;

struct CacheSizeArg {
  std::string text;       // as given, for labels
  double fraction = 0;    // > 0: a fraction of the working set
  uint64_t absolute = 0;  // otherwise bytes (or objects)
};

// Throws UsageError on malformed input (suffixes in any case: KiB MiB GiB TiB
// = 2^10n, KB MB GB TB = 10^3n, B). libcachesim_units: KB..TB and K..T mean
// 2^10n, as in libCacheSim's cachesim (--libcachesim-units).
CacheSizeArg ParseCacheSize(const std::string& text, bool object_mode, bool libcachesim_units = false);
std::vector<CacheSizeArg> ParseCacheSizes(const std::vector<std::string>& items, bool object_mode,
                                          bool libcachesim_units = false);
uint64_t ResolveCacheSize(const CacheSizeArg& s, const eviction::WorkingSet& ws, bool object_mode);

}  // namespace cachelab::cli
