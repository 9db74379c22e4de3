#include "results/report_json.h"

namespace cachelab {

nlohmann::ordered_json FieldsToJson(const RunReport& r, bool include_wall_clock) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& f : r.fields) {
    if (!include_wall_clock && IsWallClockField(f.name)) continue;
    nlohmann::ordered_json* node = &out;
    size_t start = 0;
    for (size_t dot; (dot = f.name.find('.', start)) != std::string::npos; start = dot + 1) {
      node = &(*node)[f.name.substr(start, dot - start)];
    }
    auto& leaf = (*node)[f.name.substr(start)];
    std::visit([&leaf](const auto& v) { leaf = v; }, f.value);
    // Fields hold int64; a seed above 2^63 is printed from the unsigned original.
    if (f.name == "seed") leaf = r.seed;
  }
  return out;
}

nlohmann::ordered_json ConfigToJson(const std::vector<std::pair<std::string, std::string>>& config) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [k, v] : config) out[k] = v;
  return out;
}

std::string AxisKey(SeriesAxis axis) {
  return axis == SeriesAxis::kTime ? "t_s" : std::string("t_") + AxisName(axis);
}

nlohmann::ordered_json AxisValue(SeriesAxis axis, SimTime t) {
  if (axis == SeriesAxis::kTime) return ToSeconds(t);
  return t;
}

nlohmann::ordered_json ReportToJson(const RunReport& r) {
  nlohmann::ordered_json out;
  out["kind"] = r.kind;
  out["label"] = r.label;
  out["seed"] = r.seed;
  if (!r.run_key.empty()) out["run_key"] = r.run_key;
  out["summary"] = FieldsToJson(r);
  out["config"] = ConfigToJson(r.config);
  auto& series = out["series"] = nlohmann::ordered_json::object();
  for (const auto& s : r.series) {
    nlohmann::ordered_json js;
    js["unit"] = s.unit;
    auto& at = js[AxisKey(s.axis)] = nlohmann::ordered_json::array();
    for (auto t : s.t) at.push_back(AxisValue(s.axis, t));
    js["v"] = s.v;
    series[s.name] = std::move(js);
  }
  auto& hists = out["histograms"] = nlohmann::ordered_json::object();
  for (const auto& h : r.histograms) {
    nlohmann::ordered_json jb = nlohmann::ordered_json::array();
    for (const auto& b : h.buckets) jb.push_back({b.lower, b.upper, b.count});
    hists[h.name] = std::move(jb);
  }
  out["events"] = EventsToJson(r);
  return out;
}

nlohmann::ordered_json EventsToJson(const RunReport& r) {
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const auto& e : r.events)
    events.push_back({{AxisKey(e.axis), AxisValue(e.axis, e.t)}, {"kind", e.kind}, {"detail", e.detail}});
  return events;
}

}  // namespace cachelab
