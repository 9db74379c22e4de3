// A synthetic twin of a trace (`cachelab run --workload twin:FILE`): what the
// synthetic generator needs to resemble the trace, fitted by trace stats:
// Zipf popularity (generated so that its fitted alpha is the trace's), the get/set/delete mix, each object's
// size drawn from the trace's object sizes, each set's TTL drawn from the
// trace's set TTLs, and the mean request rate. The keyspace and request
// count scale freely (--keys, --requests).
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "workloads/empirical_sampler.h"
#include "workloads/trace_format.h"
#include "workloads/trace_stats.h"

namespace cachelab {

struct TwinProfile {
  std::string path;
  uint64_t objects = 0, requests = 0;
  double fitted_alpha = 0, zipf_r2 = 0;  // trace stats' fit of the trace
  double alpha = 0;  // the generator's exponent: fitted_alpha corrected for the fit's bias (twin.cc)
  double get_fraction = 1, set_fraction = 0, delete_fraction = 0;
  double mean_rate = 0;  // requests/s over the trace's span; 0 without times
  double mean_object_size = 0;
  EmpiricalSampler object_size;  // bytes
  EmpiricalSampler set_ttl_seconds;
  // `--ttl trace`: each key's base TTL (0 = none) is drawn once from this: the
  // sets' TTLs, or for a trace without sets (a CDN's reads) every request's.
  EmpiricalSampler key_ttl_seconds;
};

TwinProfile FitTwin(const TraceStats& stats, const std::string& path);

// Reads FILE (format detected as for every trace command) and fits its twin.
// nullptr with *error (file and line) on a bad trace.
std::shared_ptr<const TwinProfile> LoadTwin(const std::string& path, const TraceOpenOptions& options,
                                            std::string* error);

}  // namespace cachelab
