// Runs one simulated experiment from its parameters and returns its report.
// Parameters are all parsed and checked before anything runs (ParamError
// names the bad one). Deterministic: the same parameters give the same report
// (but for the wall-clock fields wall_seconds and sim_requests_per_sec).
#pragma once
#include <cstdint>
#include <functional>

#include "lab/backend_provider.h"
#include "lab/params.h"
#include "sim/run_report.h"

namespace cachelab {

class Metrics;

struct Progress {
  uint64_t done = 0, total = 0;
  double sim_seconds = 0;
  const Metrics* metrics = nullptr;  // the run's series so far (the dashboard streams them live)
};
using ProgressFn = std::function<void(const Progress&)>;

// backend: null for the simulated cache tier; else the run goes to its
// backend, and it drives the clock (live Redis: paced to the wall clock).
RunReport RunExperiment(const Params& params, const ProgressFn& progress = {}, BackendProvider* backend = nullptr);

}  // namespace cachelab
