// A trace profile (trace_stats.h) as a run report of kind "trace": the fields
// --json prints and the results store keeps, and the series the dashboard
// draws (names listed in README "Knowing a trace").
#pragma once
#include <string>

#include "sim/run_report.h"
#include "workloads/trace_stats.h"

namespace cachelab {

RunReport TraceStatsReport(const TraceStats& s, const std::string& path, const std::string& format);

}  // namespace cachelab
