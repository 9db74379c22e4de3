#include "workloads/twin.h"

#include <algorithm>
#include <functional>

#include "workloads/zipf.h"

namespace cachelab {
namespace {

// The log-rank fit is biased by sampling noise: sorted counts of a finite
// sample fall faster in the tail than the law they came from. One parametric
// bootstrap step removes most of it: fit a Zipf(fitted) sample of the trace's
// size (at most 20M requests) and move the exponent back by the difference.
double CalibratedAlpha(double fitted, uint64_t keys, uint64_t requests) {
  if (keys < 2 || requests == 0) return fitted;
  requests = std::min<uint64_t>(requests, 20000000);
  ZipfSampler zipf(keys, fitted);
  Rng rng(1, "twin-calibration");
  std::vector<uint64_t> counts(keys, 0);
  for (uint64_t i = 0; i < requests; ++i) ++counts[zipf.Sample(rng)];
  std::sort(counts.begin(), counts.end(), std::greater<>());
  while (!counts.empty() && counts.back() == 0) counts.pop_back();  // trace stats sees only requested objects
  return std::max(0.0, fitted - (FitZipf(counts).alpha - fitted));
}

}  // namespace

TwinProfile FitTwin(const TraceStats& s, const std::string& path) {
  TwinProfile t;
  t.path = path;
  t.objects = s.objects;
  t.requests = s.requests;
  t.fitted_alpha = s.zipf.alpha;
  t.alpha = CalibratedAlpha(std::max(0.0, s.zipf.alpha), s.objects, s.requests);
  t.zipf_r2 = s.zipf.r2;
  if (s.requests) {
    double n = static_cast<double>(s.requests);
    t.get_fraction = static_cast<double>(s.gets) / n;
    t.set_fraction = static_cast<double>(s.sets) / n;
    t.delete_fraction = static_cast<double>(s.deletes) / n;
  }
  t.mean_rate = s.duration_seconds() > 0 ? static_cast<double>(s.requests) / s.duration_seconds() : 0;
  t.mean_object_size = s.object_size.mean();
  t.object_size = EmpiricalSampler(s.object_size);
  t.set_ttl_seconds = EmpiricalSampler(s.write_ttl_seconds);
  if (s.sets > 0) {
    t.key_ttl_seconds = t.set_ttl_seconds;
  } else {
    Histogram ttl = s.ttl_seconds;  // requests with a TTL, and the rest without
    if (s.requests > s.with_ttl) ttl.Record(0, s.requests - s.with_ttl);
    t.key_ttl_seconds = EmpiricalSampler(ttl);
  }
  return t;
}

std::shared_ptr<const TwinProfile> LoadTwin(const std::string& path, const TraceOpenOptions& options,
                                            std::string* error) {
  auto reader = OpenTrace(path, options, error);
  if (!reader) return nullptr;
  TraceStats stats;
  if (!ComputeTraceStats(*reader, TraceStatsOptions{}, &stats, error)) return nullptr;
  if (stats.requests == 0) {
    *error = path + ": the trace has no requests to fit a twin to";
    return nullptr;
  }
  return std::make_shared<const TwinProfile>(FitTwin(stats, path));
}

}  // namespace cachelab
