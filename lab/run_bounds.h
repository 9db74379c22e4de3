// Work and memory that follow from a run's parameters, checked before the run
// is built: per-key tables (--keys), tag sets (--tags), the near cache
// (keys x servers), metric windows (simulated time / --window) and simulated
// time itself (requests / --rate). A value the machine cannot hold is refused
// with the parameter named (ParamError), instead of allocating until killed.
#pragma once
#include "lab/params.h"

namespace cachelab {

// Bytes of per-key state a simulated run holds (Zipf alias table, database
// versions, workload and invalidation tables); measured, see run_bounds.cc.
inline constexpr double kBytesPerKey = 96;
inline constexpr double kBytesPerTag = 48;
// Every series of a run appends one point per window.
inline constexpr double kBytesPerWindow = 1024;
// Simulated time is int64 nanoseconds; runs stay far below its 292 years.
inline constexpr double kMaxSimSeconds = 100.0 * 365 * 86400;

void CheckRunBounds(const Params& p);

}  // namespace cachelab
