#include "cli/cache_size_arg.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "cli/commands.h"
#include "eviction/replay.h"

namespace cachelab::cli {

CacheSizeArg ParseCacheSize(const std::string& text, bool object_mode, bool libcachesim_units) {
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
  // Units in any case. KB/MB/GB/TB/PB are decimal (10^3n) and KiB/MiB/GiB/TiB/PiB
  // binary (2^10n); with libcachesim_units, KB/MB/GB/TB and K/M/G/T are binary,
  // as libCacheSim's cachesim reads them.
  static const std::pair<const char*, double> kUnits[] = {
      {"", 1},      {"b", 1},     {"kib", 1024.0}, {"mib", 1048576.0}, {"gib", 1073741824.0}, {"tib", 1099511627776.0},
      {"pib", 1125899906842624.0},  {"kb", 1e3},  {"mb", 1e6},  {"gb", 1e9},     {"tb", 1e12}, {"pb", 1e15}};
  std::string unit;
  for (char c : suffix) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (libcachesim_units) {
    static const std::pair<const char*, const char*> kBinary[] = {{"kb", "kib"}, {"mb", "mib"}, {"gb", "gib"},
                                                                  {"tb", "tib"}, {"k", "kib"},  {"m", "mib"},
                                                                  {"g", "gib"},  {"t", "tib"}};
    for (const auto& [from, to] : kBinary)
      if (unit == from) unit = to;
  }
  for (const auto& [name, mult] : kUnits) {
    if (unit != name) continue;
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
  throw UsageError("bad unit in cache size '" + text + "' (KiB, MiB, GiB, TiB, PiB, KB, MB, GB, TB, PB, any case)");
}

std::vector<CacheSizeArg> ParseCacheSizes(const std::vector<std::string>& items, bool object_mode,
                                          bool libcachesim_units) {
  std::vector<CacheSizeArg> out;
  for (const auto& i : items) out.push_back(ParseCacheSize(i, object_mode, libcachesim_units));
  return out;
}

uint64_t ResolveCacheSize(const CacheSizeArg& s, const eviction::WorkingSet& ws, bool object_mode) {
  return s.fraction > 0 ? eviction::CacheSizeFromFraction(s.fraction, ws, object_mode) : s.absolute;
}

}  // namespace cachelab::cli
