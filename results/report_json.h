// RunReport <-> JSON (nlohmann). Dotted field names nest:
// "latency_us.p50" -> {"latency_us": {"p50": ...}}.
#pragma once
#include <nlohmann/json.hpp>

#include "sim/run_report.h"

namespace cachelab {

nlohmann::ordered_json FieldsToJson(const RunReport& r, bool include_wall_clock = true);
nlohmann::ordered_json ConfigToJson(const std::vector<std::pair<std::string, std::string>>& config);
// Fields, config, series, histograms and events: the whole run.
nlohmann::ordered_json ReportToJson(const RunReport& r);
// The run's events (crashes, membership changes, measurement_start, ...) as
// [{"t_s", "kind", "detail"}], in the report's order.
nlohmann::ordered_json EventsToJson(const RunReport& r);

}  // namespace cachelab
