#include "cli/sweep_summary.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "cli/summary_table.h"
#include "lab/confidence_interval.h"
#include "results/pair_label.h"
#include "sim/grouped.h"

namespace cachelab::cli {
namespace {

std::string Num(double v, bool half_width = false) {
  char buf[48];
  if (std::fabs(v) >= 1000) return Grouped(static_cast<int64_t>(std::llround(v)));
  if (std::fabs(v) >= 100) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, half_width ? "%.2g" : "%.4g", v);
  return buf;
}

}  // namespace

std::vector<std::string> SummaryMetrics(const ExperimentFile& file) {
  if (!file.sweep.metrics.empty()) return file.sweep.metrics;
  return {"hit_ratio", "latency_us.p50", "latency_us.p99", "db_queries", "stale_reads"};
}

std::string PointLabel(const ExperimentFile& file, const Params& params) {
  std::string out;
  for (const auto& a : file.axes) out += (out.empty() ? "" : " ") + a.param + "=" + params.Raw(a.param);
  return out;
}

namespace {

// The varying parameters other than strategy and invalidation.
std::string OtherAxes(const ExperimentFile& file, const Params& p) {
  std::string key;
  for (const auto& a : file.axes)
    if (a.param != "strategy" && a.param != "invalidation") key += a.param + "=" + p.Raw(a.param) + " ";
  return key;
}

double MeanOf(const std::vector<const RunReport*>& reps, double (*f)(const RunReport&)) {
  double sum = 0;
  for (const RunReport* r : reps) sum += f(*r);
  return reps.empty() ? 0 : sum / static_cast<double>(reps.size());
}

std::string Fixed(const char* format, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// Flags points whose p50 is over 3x cache-aside x ttl's at the same other
// parameters (issue 19's overload check) and says why when the reason is that
// the median request was not a cache hit.
void FlagSlowMedians(const ExperimentFile& file, const std::vector<SweepRun>& runs,
                     const std::vector<const RunReport*>& reports, std::vector<PointSummary>* points) {
  struct Point {
    std::string others;
    bool baseline = false;
    double p50 = 0, hit_share = 0;
  };
  std::vector<Point> info;
  std::map<std::string, double> base;
  for (size_t i = 0; i < runs.size();) {
    size_t first = i;
    std::vector<const RunReport*> reps;
    for (; i < runs.size() && runs[i].point == runs[first].point; ++i)
      if (reports[i]) reps.push_back(reports[i]);
    const Params& p = runs[first].params;
    Point pt{OtherAxes(file, p), p.Raw("strategy") == "cache-aside" && p.Raw("invalidation") == "ttl"};
    pt.p50 = MeanOf(reps, [](const RunReport& r) { return r.GetNumber("latency_us.p50"); });
    pt.hit_share = MeanOf(reps, [](const RunReport& r) {
      double n = r.GetNumber("requests");
      return n > 0 ? r.GetNumber("hits") / n : 0.0;
    });
    if (pt.baseline && !reps.empty()) base[pt.others] = pt.p50;
    info.push_back(pt);
  }
  for (size_t k = 0; k < info.size() && k < points->size(); ++k) {
    auto b = base.find(info[k].others);
    if (b == base.end() || b->second <= 0 || info[k].p50 <= 3 * b->second) continue;
    std::string flag = "p50 " + Fixed("%.1f", info[k].p50 / b->second) + "x cache-aside x ttl's";
    if (info[k].hit_share < 0.5)
      flag += ": only " + Fixed("%.0f", 100 * info[k].hit_share) + "% of requests hit, so the median request is a miss";
    std::string& note = (*points)[k].note;
    note = note.empty() ? flag : note + "; " + flag;
  }
}

}  // namespace

std::vector<PointSummary> SummarizePoints(const ExperimentFile& file, const std::vector<SweepRun>& runs,
                                          const std::vector<const RunReport*>& reports) {
  std::vector<std::string> metrics = SummaryMetrics(file);
  std::vector<PointSummary> out;
  for (size_t i = 0; i < runs.size();) {
    size_t point = runs[i].point, first = i;
    std::vector<const RunReport*> reps;
    for (; i < runs.size() && runs[i].point == point; ++i)
      if (reports[i]) reps.push_back(reports[i]);
    PointSummary p;
    for (const auto& a : file.axes) p.axes.emplace_back(a.param, runs[first].params.Raw(a.param));
    p.runs = reps.size();
    const Params& params = runs[first].params;
    p.cell = params.Raw("strategy") + " x " + params.Raw("invalidation");
    p.others = OtherAxes(file, params);
    for (const RunReport* r : reps)
      if (PairLabel l = PairLabelOf(*r); !l.mark.empty()) {
        // A cell with no twin is one whose scheme has nothing to act on: said as n/a.
        p.note = l.same_as.empty() ? "n/a: " + l.note : l.note;
        p.same_as = l.same_as;
        break;
      }
    for (const auto& m : metrics) {
      std::vector<double> xs;
      for (const RunReport* r : reps)
        if (r->Get(m)) xs.push_back(r->GetNumber(m));
      p.metrics.push_back({m, !xs.empty(), xs.empty() ? Interval{} : MeanCI95(xs)});
    }
    out.push_back(std::move(p));
  }
  FlagSlowMedians(file, runs, reports, &out);
  return out;
}

std::string SweepSummaryTable(const ExperimentFile& file, const std::vector<SweepRun>& runs,
                              const std::vector<const RunReport*>& reports) {
  bool replicated = file.sweep.replications > 1;
  std::vector<std::string> headers;
  for (const auto& a : file.axes) headers.push_back(a.param);
  if (headers.empty()) headers.push_back("run");
  if (replicated) headers.push_back("n");
  for (const auto& m : SummaryMetrics(file)) headers.push_back(replicated ? m + " (±95% CI)" : m);
  std::vector<PointSummary> points = SummarizePoints(file, runs, reports);
  bool notes = false;
  for (const PointSummary& p : points) notes |= !p.note.empty();
  std::map<std::string, const PointSummary*> by_cell;
  for (const PointSummary& p : points) by_cell[p.cell + " " + p.others] = &p;
  // A point equal by construction to one in this table, with the very same numbers.
  auto repeats = [&](const PointSummary& p) {
    if (p.same_as.empty()) return false;
    auto twin = by_cell.find(p.same_as + " " + p.others);
    if (twin == by_cell.end() || twin->second->runs != p.runs || p.runs == 0) return false;
    for (size_t m = 0; m < p.metrics.size(); ++m) {
      const auto &a = p.metrics[m], &b = twin->second->metrics[m];
      if (a.present != b.present || a.ci.mean != b.ci.mean || a.ci.half_width != b.ci.half_width) return false;
    }
    return true;
  };
  if (notes) headers.push_back("note");
  std::vector<std::vector<std::string>> rows;
  for (const PointSummary& p : points) {
    std::vector<std::string> row;
    for (const auto& [name, value] : p.axes) row.push_back(value);
    if (file.axes.empty()) row.push_back(file.sweep.name.empty() ? "default" : file.sweep.name);
    if (replicated) row.push_back(std::to_string(p.runs));
    bool same = repeats(p);
    for (const auto& m : p.metrics) {
      if (same) row.push_back("=");
      else if (!m.present) row.push_back("-");
      else row.push_back(replicated && m.ci.n > 1 ? Num(m.ci.mean) + " ± " + Num(m.ci.half_width, true) : Num(m.ci.mean));
    }
    if (notes) row.push_back(p.note);
    rows.push_back(std::move(row));
  }
  return FormatTable(headers, rows);
}

nlohmann::ordered_json SweepSummaryJson(const ExperimentFile& file, const std::vector<SweepRun>& runs,
                                        const std::vector<const RunReport*>& reports) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const PointSummary& p : SummarizePoints(file, runs, reports)) {
    nlohmann::ordered_json point = nlohmann::ordered_json::object(), metrics = nlohmann::ordered_json::object();
    for (const auto& [name, value] : p.axes) point[name] = value;
    for (const auto& m : p.metrics) {
      if (!m.present) continue;
      metrics[m.name] = {{"mean", m.ci.mean}, {"ci95_half_width", m.ci.half_width}, {"n", m.ci.n}};
    }
    nlohmann::ordered_json entry = {{"point", point}, {"runs", p.runs}, {"metrics", metrics}};
    if (!p.note.empty()) entry["note"] = p.note;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace cachelab::cli
