#include "cli/cache_size_arg.h"

#include <charconv>
#include <cmath>

#include "cli/commands.h"
#include "eviction/replay.h"

namespace cachelab::cli {

CacheSizeArg ParseCacheSize(const std::string& text, bool object_mode) {
  CacheSizeArg s;
  s.text = text;
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  std::string suffix(ptr, text.data() + text.size());
  if (ec != std::errc() || ptr == text.data() || !(v > 0) || !std::isfinite(v))
    throw UsageError("bad cache size '" + text + "' (e.g. 128MiB, 1GiB, 0.01 for 1% of the working set)");
  if (suffix.empty() && v < 1) {
    s.fraction = v;
    return s;
  }
  static const std::pair<const char*, double> kUnits[] = {
      {"", 1},     {"B", 1},    {"KiB", 1024.0}, {"MiB", 1048576.0}, {"GiB", 1073741824.0}, {"TiB", 1099511627776.0},
      {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9},     {"TB", 1e12}};
  for (const auto& [name, mult] : kUnits) {
    if (suffix != name) continue;
    if (object_mode && !suffix.empty())
      throw UsageError("cache size '" + text + "' has a byte unit, but --ignore-obj-size counts objects");
    double total = v * mult;
    // The bound keeps sizes far from int64 overflow in every policy's arithmetic.
    if (total > static_cast<double>(kMaxCacheSize))
      throw UsageError("cache size '" + text + "' is too large (at most 1PiB, or 2^50 objects)");
    if (total != std::floor(total))
      throw UsageError("cache size '" + text + "' is not a whole number of " + (object_mode ? "objects" : "bytes"));
    s.absolute = static_cast<uint64_t>(total);
    return s;
  }
  throw UsageError("bad unit in cache size '" + text + "' (KiB, MiB, GiB, TiB, KB, MB, GB, TB)");
}

std::vector<CacheSizeArg> ParseCacheSizes(const std::vector<std::string>& items, bool object_mode) {
  std::vector<CacheSizeArg> out;
  for (const auto& i : items) out.push_back(ParseCacheSize(i, object_mode));
  return out;
}

uint64_t ResolveCacheSize(const CacheSizeArg& s, const eviction::WorkingSet& ws, bool object_mode) {
  return s.fraction > 0 ? eviction::CacheSizeFromFraction(s.fraction, ws, object_mode) : s.absolute;
}

}  // namespace cachelab::cli
