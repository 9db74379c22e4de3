#include "lab/run_bounds.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "lab/memory_budget.h"
#include "workloads/synthetic.h"

namespace cachelab {
namespace {

std::string Count(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3g", x);
  return buf;
}

}  // namespace

void CheckRunBounds(const Params& p, bool live) {
  uint64_t keys = p.UInt("keys", 1, UINT32_MAX);
  CheckMemory("keys", static_cast<double>(keys) * kBytesPerKey, std::to_string(keys) + " keys");
  // The simulated Redis holds every value it caches: at most one a distinct
  // key requested, and no more than --maxmemory allows.
  double cached = std::min<double>(static_cast<double>(keys), static_cast<double>(p.UInt("requests", 1, kMaxRequests))) *
                  (p.Dist("value-size", Distribution::Unit::kBytes, kMaxValueSize).Mean() + kBytesPerCachedKey);
  if (uint64_t maxmemory = p.Bytes("maxmemory"); maxmemory > 0) cached = std::min(cached, 1.5 * static_cast<double>(maxmemory));
  if (live) cached = 0;
  CheckMemory("keys", static_cast<double>(keys) * kBytesPerKey + cached,
              std::to_string(keys) + " keys with their values cached (set --maxmemory to bound them)");
  if (p.Raw("invalidation").find("tags") != std::string::npos || p.Raw("invalidation") == "all") {
    uint64_t tags = p.UInt("tags", 1, UINT32_MAX);
    CheckMemory("tags", static_cast<double>(tags) * kBytesPerTag, std::to_string(tags) + " tag sets");
  }
  // Expected simulated time: open loop requests / rate; closed loop each
  // client waits a think time and about a round trip per request.
  double requests = static_cast<double>(p.UInt("requests", 1, kMaxRequests));
  double seconds = 0;
  const char* cause = "rate";
  if (p.Raw("arrival") == "closed") {
    double per_request = p.Dist("think-time", Distribution::Unit::kDuration).Mean() +
                         p.Dist("redis-rtt", Distribution::Unit::kDuration).Mean();
    seconds = requests * per_request / 1e9 / static_cast<double>(p.UInt("clients", 1, 10000000));
    cause = "think-time";
  } else {
    seconds = requests / p.Real("rate", 1e-6, 1e12);
  }
  if (seconds > kMaxSimSeconds)
    throw ParamError(cause, "the run would simulate about " + Count(seconds / (365 * 86400.0)) +
                                " years (at most 100); fewer --requests or a higher --rate");
  double windows = seconds / ToSeconds(p.Duration("window", kMillisecond));
  CheckMemory(cause, windows * kBytesPerWindow,
              "about " + Count(seconds) + " simulated seconds in " + Count(windows) + " metric windows (--window)");
}

}  // namespace cachelab
