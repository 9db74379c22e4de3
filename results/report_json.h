// RunReport <-> JSON (nlohmann). Dotted field names nest:
// "latency_us.p50" -> {"latency_us": {"p50": ...}}.
#pragma once
#include <nlohmann/json.hpp>

#include "sim/run_report.h"

namespace cachelab {

nlohmann::ordered_json FieldsToJson(const RunReport& r, bool include_wall_clock = true);
nlohmann::ordered_json ConfigToJson(const std::vector<std::pair<std::string, std::string>>& config);
// The name of a series' positions in --json and in `cachelab export`: "t_s" for
// time (seconds), else "t_" + the axis's name ("t_requests", "t_rank", "t_bytes",
// "t_objects"), whose values are the stored counts as they are.
std::string AxisKey(SeriesAxis axis);
// A position as exported: seconds for time, the count itself for the other axes.
nlohmann::ordered_json AxisValue(SeriesAxis axis, SimTime t);
// Fields, config, series, histograms and events: the whole run. A series is
// {"unit", AxisKey(axis): [...], "v": [...]}.
nlohmann::ordered_json ReportToJson(const RunReport& r);
// The run's events (crashes, membership changes, measurement_start, ...) as
// [{"t_s", "kind", "detail"}], in the report's order.
nlohmann::ordered_json EventsToJson(const RunReport& r);

}  // namespace cachelab
