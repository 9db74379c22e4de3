// Work and memory that follow from a run's parameters, checked before the run
// is built: per-key tables (--keys), tag sets (--tags), the near cache
// (keys x servers), metric windows (simulated time / --window) and simulated
// time itself (requests / --rate). A value the machine cannot hold is refused
// with the parameter named (ParamError), instead of allocating until killed.
#pragma once
#include "lab/params.h"

namespace cachelab {

// Bytes of per-key state a simulated run holds before any key is cached
// (Zipf alias table, database versions, workload and invalidation tables):
// peak RSS grew 24 bytes a key from --keys 1e6 to 4e6 with one request; 96
// leaves room for the tables other modes add.
inline constexpr double kBytesPerKey = 96;
// A cached key's overhead beyond its value: peak RSS grew 1.54 KiB a key for
// 1 KiB values (--keys 2e5 to 1e6, every key requested); 512 rounds it up.
inline constexpr double kBytesPerCachedKey = 512;
inline constexpr double kBytesPerTag = 48;
// Every series of a run appends one point per window.
inline constexpr double kBytesPerWindow = 1024;
// Simulated time is int64 nanoseconds; runs stay far below its 292 years.
inline constexpr double kMaxSimSeconds = 100.0 * 365 * 86400;

// `live`: values are cached on a live server, so only the tables count.
void CheckRunBounds(const Params& p, bool live = false);

}  // namespace cachelab
