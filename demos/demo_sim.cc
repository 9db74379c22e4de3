#include "demos/demo_sim.h"

#include <cmath>
#include <cstdio>

#include "lab/batch.h"
#include "sim/grouped.h"

namespace cachelab {
namespace {

// Whole numbers from 1,000 on are grouped by thousands, as the demos' own texts and
// the run summary write them (a conclusion read "35039" beside "35,039"); rounded
// to nearest, ties to even, as printf's "%.0f" below.
std::string Num(double v) {
  if (std::fabs(v) >= 1000 && std::fabs(v) < 9e18) return Grouped(static_cast<int64_t>(std::nearbyint(v)));
  char buf[48];
  if (std::fabs(v) >= 100 || v == std::round(v)) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

std::vector<Params> BuildParams(const SimDemoSpec& s) {
  std::vector<Params> out;
  for (const auto& v : s.variants) {
    Params p;
    for (const auto& [k, val] : s.base) p.Set(k, val);
    for (const auto& [k, val] : v.params) p.Set(k, val);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::string CompareToBaseline(const std::vector<std::string>& labels, const std::vector<double>& values,
                              const DemoMetric& m) {
  auto show = [&](double v) { return Num(v * m.scale) + m.unit; };
  double base = values[0];
  std::string out = "Against " + labels[0] + " (" + show(base) + " " + m.what + "), ";
  size_t best = 0;
  for (size_t i = 1; i < values.size(); ++i) {
    double v = values[i];
    std::string verb = v < base ? "cut it to " : v > base ? "raised it to " : "left it at ";
    std::string change;
    if (base != 0 && v != base) {
      char buf[48];
      // Ten times or more either way reads as a factor: 398 -> 1 is "398x lower", not "-100%".
      double ratio = v != 0 && (base > 0) == (v > 0) ? std::max(v / base, base / v) : 0;
      if (ratio >= 10) std::snprintf(buf, sizeof buf, " (%sx %s)", Num(ratio).c_str(), std::fabs(v) < std::fabs(base) ? "lower" : "higher");
      else std::snprintf(buf, sizeof buf, " (%+.0f%%)", 100 * (v - base) / std::fabs(base));
      change = buf;
    }
    out += (i > 1 ? (i + 1 == values.size() ? " and " : ", ") : "") + labels[i] + " " + verb + show(v) + change;
    if (m.lower_is_better ? v < values[best] : v > values[best]) best = i;
  }
  out += ". ";
  out += best == 0 ? "Nothing beat " + labels[0] + " on this measure."
                   : "Best: " + labels[best] + " (" + show(values[best]) + ").";
  return out;
}

Demo MakeSimDemo(SimDemoSpec spec) {
  Demo d;
  d.name = spec.name;
  d.title = spec.title;
  d.narrative = spec.narrative;
  d.missing = [spec] {
    // A feature is there when every variant's parameters are accepted.
    try {
      for (const auto& p : BuildParams(spec)) ValidateParams(p);
    } catch (const std::exception& e) {
      return spec.needs + " (" + e.what() + ")";
    }
    return std::string();
  };
  d.run = [spec](unsigned jobs) {
    DemoResult r;
    r.reports = RunBatch(BuildParams(spec), jobs);
    r.columns = spec.columns;
    std::vector<std::string> labels;
    std::vector<double> values;
    for (size_t i = 0; i < r.reports.size(); ++i) {
      r.reports[i].Set("variant", spec.variants[i].label);
      labels.push_back(spec.variants[i].label);
      values.push_back(r.reports[i].GetNumber(spec.metric.field));
    }
    r.conclusion = CompareToBaseline(labels, values, spec.metric);
    return r;
  };
  return d;
}

void LabelDemoReports(const Demo& demo, DemoResult* result) {
  for (auto& r : result->reports) {
    const FieldValue* v = r.Get("variant");
    std::string variant = v && std::holds_alternative<std::string>(*v) ? std::get<std::string>(*v) : r.label;
    r.kind = "demo";
    r.label = demo.name + ": " + variant;
    r.Set("demo", demo.name);
    r.Set("narrative", demo.narrative);
    r.Set("conclusion", result->conclusion);
  }
}

}  // namespace cachelab
