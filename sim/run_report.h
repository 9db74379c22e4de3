// The result of one run as plain data: what the runner produces, what the result
// store writes and reads back, and what --json prints. Dotted field names nest in
// JSON ("latency_us.p50" -> {"latency_us": {"p50": ...}}). Order is kept, so the
// same run always serialises to the same bytes.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "sim/time.h"

namespace cachelab {

using FieldValue = std::variant<int64_t, double, std::string>;

struct Field {
  std::string name;
  FieldValue value;
};

// What a series' t counts. kTime: nanoseconds (simulated or trace time; a
// duration for ttl_histogram), exported as seconds (`t_s`). The others are no
// time and are exported as they are, under their own name (`t_requests`, ...):
// requests so far or a distance in requests, a popularity rank, bytes, objects.
enum class SeriesAxis : uint8_t { kTime, kRequests, kRank, kBytes, kObjects };

// "time", "requests", "rank", "bytes", "objects": the name the store keeps.
inline const char* AxisName(SeriesAxis a) {
  switch (a) {
    case SeriesAxis::kTime: return "time";
    case SeriesAxis::kRequests: return "requests";
    case SeriesAxis::kRank: return "rank";
    case SeriesAxis::kBytes: return "bytes";
    case SeriesAxis::kObjects: return "objects";
  }
  return "time";
}

// The axis called `name`; false (and *a untouched) for a name this build does not know.
inline bool AxisFromName(std::string_view name, SeriesAxis* a) {
  for (SeriesAxis x : {SeriesAxis::kTime, SeriesAxis::kRequests, SeriesAxis::kRank, SeriesAxis::kBytes,
                       SeriesAxis::kObjects})
    if (name == AxisName(x)) {
      *a = x;
      return true;
    }
  return false;
}

// A series: value v[i] describes the window (or bucket, rank, cache size) ending at t[i],
// counted on `axis`.
struct Series {
  std::string name;
  std::string unit;
  std::vector<SimTime> t;
  std::vector<double> v;
  SeriesAxis axis = SeriesAxis::kTime;
};

struct HistogramData {
  std::string name;  // e.g. "latency_ns"
  struct Bucket {
    double lower, upper;
    uint64_t count;
  };
  std::vector<Bucket> buckets;
};

// Something that happened at one instant (node added, crash, ...), for plots.
struct RunEvent {
  SimTime t;
  std::string kind;
  std::string detail;
  SeriesAxis axis = SeriesAxis::kTime;  // what t counts: an untimed trace's replay marks a request
};

// Fields measured on the wall or CPU clock: they differ between otherwise
// identical runs, so determinism checks and comparisons leave them out.
inline bool IsWallClockField(const std::string& name) {
  return name == "wall_seconds" || name == "cpu_seconds" || name == "sim_requests_per_sec" ||
         name == "peak_rss_mb" || name == "throughput_mreq_s";
}

struct RunReport {
  std::string kind = "run";  // run | replay | ring | demo ...
  std::string label;         // short description, e.g. "cache-aside/ttl/none"
  std::string run_key;       // identity of a sweep point (resumable sweeps skip stored keys); may be empty
  uint64_t seed = 0;
  std::vector<std::pair<std::string, std::string>> config;  // every parameter, as text
  std::vector<Field> fields;
  std::vector<Series> series;
  std::vector<HistogramData> histograms;
  std::vector<RunEvent> events;

  void Set(std::string name, FieldValue v) {
    for (auto& f : fields)
      if (f.name == name) {
        f.value = std::move(v);
        return;
      }
    fields.push_back({std::move(name), std::move(v)});
  }
  const FieldValue* Get(const std::string& name) const {
    for (auto& f : fields)
      if (f.name == name) return &f.value;
    return nullptr;
  }
  double GetNumber(const std::string& name, double fallback = 0) const {
    const FieldValue* v = Get(name);
    if (!v) return fallback;
    if (auto* i = std::get_if<int64_t>(v)) return static_cast<double>(*i);
    if (auto* d = std::get_if<double>(v)) return *d;
    return fallback;
  }
  std::string ConfigValue(const std::string& key) const {
    for (auto& [k, v] : config)
      if (k == key) return v;
    return "";
  }
};

}  // namespace cachelab
