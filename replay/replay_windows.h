// `replay --warmup` and `--window` (alias --report-interval): where the
// warm-up ends and where each window of the miss-ratio series ends, from the
// decoded trace, and the series they give.
#pragma once
#include <string>
#include <vector>

#include "eviction/replay.h"
#include "sim/run_report.h"

namespace cachelab {

struct ReplayWindowPlan {
  eviction::ReplayCuts cuts;
  bool by_time = false;       // series t: ns of trace time since the first request; else request index
  std::vector<SimTime> t;     // series t of each window end
  SimTime measure_start = 0;  // t where measurement starts (after the warm-up)
  bool windows() const { return !cuts.window_ends.empty(); }
};

// Whether the flags need the trace's request times (durations, the time axis).
bool ReplayWindowsNeedTime(const std::string& window, const std::string& warmup);

// window: "" (none), N requests, or a duration ("10s"); warmup: as
// ParseWarmupSpec. Throws UsageError on a bad value, or a duration on a trace
// without times (trace.time_ms empty).
ReplayWindowPlan PlanReplayWindows(const std::string& window, const std::string& warmup,
                                   const eviction::ReplayTrace& trace);

// Field warmup_requests, series miss_ratio, byte_miss_ratio and
// window_requests, and a "measurement_start" event after a warm-up.
void AddReplayWindows(const ReplayWindowPlan& plan, const eviction::ReplayResult& result, RunReport* report);

}  // namespace cachelab
