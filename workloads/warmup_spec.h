// How much of a workload warms the caches before measurement starts, shared by
// `run --warmup` and `replay --warmup`: a number of requests ("50000"), a
// fraction of the workload ("20%"), or a span of (simulated/trace) time
// ("30s", "1.5m", "250ms"). Warm-up requests fill caches but count in no metric.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/time.h"

namespace cachelab {

struct WarmupSpec {
  enum class Kind : uint8_t { kNone, kRequests, kFraction, kDuration };
  Kind kind = Kind::kNone;
  uint64_t requests = 0;  // kRequests
  double fraction = 0;    // kFraction, in [0, 1]
  SimTime duration = 0;   // kDuration, from the first request

  bool none() const { return kind == Kind::kNone; }
  // Warm-up requests out of `total` (kRequests, kFraction: floor(total * f)).
  // kDuration depends on time, not count: returns 0 (use InWarmup).
  uint64_t RequestsOf(uint64_t total) const;
  // Whether request number `index` (0-based), arriving `elapsed` after the
  // workload's first request, is part of the warm-up of a `total`-request workload.
  bool InWarmup(uint64_t index, SimTime elapsed, uint64_t total) const;
};

// "", "0" and "none" give kNone. A number with no unit is a count of requests
// (so "30" is 30 requests, not seconds); "N%" a fraction (0-100); a number with
// a time unit (ns, us, ms, s, m, h) a duration. False with *error on anything else.
bool ParseWarmupSpec(std::string_view text, WarmupSpec* out, std::string* error);

}  // namespace cachelab
