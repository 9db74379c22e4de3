#include "cli/libcachesim_output.h"

#include <cstdio>

namespace cachelab::cli {

std::string LibCacheSimCacheName(const std::string& policy, const std::string& params) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"lru", "LRU"}, {"fifo", "FIFO"},  {"clock", "Clock"}, {"sieve", "Sieve"},   {"lfu", "LFU"},
      {"arc", "ARC"}, {"twoq", "TwoQ"},  {"belady", "Belady"}, {"slru", "S4LRU(25:25:25:25)"},
      {"lfuda", "LFUDA"}, {"gdsf", "GDSF"}, {"lirs", "LIRS"}, {"beladysize", "BeladySize"},
      {"cacheus", "Cacheus"}, {"lecar", "LeCaR"}, {"hyperbolic", "Hyperbolic"}, {"lhd", "LHD"},
      {"wtinylfu", "WTinyLFU-w0.01-SLRU"},
  };
  if (policy == "s3fifo") return "S3FIFO-" + params;
  if (policy == "qdlp") return "QDLP-" + params;
  for (const auto& [ours, theirs] : kNames)
    if (policy == ours) return theirs;
  return policy;
}

std::string LibCacheSimResultLines(const std::string& trace_path, const std::vector<LibCacheSimRow>& rows,
                                   bool object_mode) {
  if (rows.empty()) return "";
  constexpr uint64_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024;
  uint64_t unit = 1;
  const char* unit_name = "";
  if (!object_mode) {
    const uint64_t first = rows.front().cache_size;
    if (first > kGiB) {
      unit = kGiB, unit_name = "GiB";
    } else if (first > kMiB) {
      unit = kMiB, unit_name = "MiB";
    } else if (first > kKiB) {
      unit = kKiB, unit_name = "KiB";
    } else {
      unit_name = "B";
    }
  }
  const std::string base = trace_path.substr(trace_path.find_last_of('/') + 1);
  std::string out = "\n";  // cachesim prints a blank line before its results
  for (const LibCacheSimRow& r : rows) {
    // In object mode every size is 1, so cachesim's byte miss ratio is the miss ratio.
    const double mr = r.requests ? static_cast<double>(r.misses) / static_cast<double>(r.requests) : 0.0;
    const double bmr = object_mode ? mr
                                   : (r.requested_bytes ? static_cast<double>(r.miss_bytes) /
                                                              static_cast<double>(r.requested_bytes)
                                                        : 0.0);
    char line[1024];
    std::snprintf(line, sizeof line, "result/%s %32s cache size %8ld%s, %lld req, miss ratio %.4lf, byte miss ratio %.4lf\n",
                  base.c_str(), LibCacheSimCacheName(r.policy, r.params).c_str(),
                  static_cast<long>(r.cache_size / unit), unit_name, static_cast<long long>(r.requests), mr, bmr);
    out += line;
  }
  return out;
}

}  // namespace cachelab::cli
