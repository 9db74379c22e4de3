// One streaming pass over a trace that profiles it: counts, operation mix,
// popularity (rank-frequency with a fitted Zipf exponent), sizes, reuse, TTLs
// and the request rate and footprint over time. Memory: one small record per
// distinct object plus fixed-size histograms, whatever the trace's length.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim/histogram.h"
#include "sim/time.h"
#include "workloads/trace_reader.h"

namespace cachelab {

struct TraceStatsOptions {
  // Time-series window of trace time. 0: automatic (starts at 1 s and
  // doubles whenever there would be more than max_windows windows).
  SimTime window = 0;
  size_t max_windows = 256;
};

// A least-squares line through (log10 rank, log10 frequency) at ranks spaced
// evenly in log rank (20 a decade, so every decade weighs the same, not the
// long tail of rarely-seen objects): frequency ~ rank^-alpha.
struct ZipfFit {
  double alpha = 0;
  double r2 = 0;      // coefficient of determination of that line
  uint64_t points = 0;
};

struct TraceStats {
  uint64_t requests = 0, objects = 0;
  uint64_t one_hit_wonders = 0;      // objects requested exactly once
  uint64_t max_object_requests = 0;  // requests of the most popular object
  uint64_t gets = 0, sets = 0, deletes = 0;
  uint64_t requested_bytes = 0;
  uint64_t working_set_bytes = 0;    // each object at its first size
  uint64_t with_ttl = 0;             // requests with a TTL > 0
  uint64_t clients = 0;              // distinct client ids
  Histogram request_size;            // bytes, per request
  Histogram object_size;             // bytes, each object's first size
  Histogram reuse_requests;          // requests since the object's previous request
  Histogram reuse_ns;                // trace time since it (traces with time), exact to the trace's resolution
  Histogram ttl_seconds;             // requests with a TTL > 0
  Histogram write_ttl_seconds;       // TTL of every set (0 included): what a twin draws from
  bool has_time = false;
  SimTime first_time = 0, last_time = 0;
  ZipfFit zipf;
  std::vector<std::pair<uint64_t, uint64_t>> rank_frequency;  // (rank, requests) at the fitted ranks
  // Windows of trace time from the first request (window in ns), or, for a
  // trace without time, windows of `window` requests.
  SimTime window = 0;
  std::vector<uint64_t> window_requests;
  std::vector<uint64_t> window_footprint;  // distinct objects seen so far, at each window's end
  double duration_seconds() const { return has_time ? ToSeconds(last_time - first_time) : 0; }
};

// Reads `reader` to its end. Returns false with the reader's error (file and
// line or record) if it stops on bad input.
bool ComputeTraceStats(TraceReader& reader, const TraceStatsOptions& options, TraceStats* out, std::string* error);

// The fit over request counts sorted most popular first.
ZipfFit FitZipf(const std::vector<uint64_t>& counts_desc, std::vector<std::pair<uint64_t, uint64_t>>* points = nullptr);

}  // namespace cachelab
