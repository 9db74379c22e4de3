#include "cli/sweep_summary.h"

#include <cmath>
#include <cstdio>

#include "cli/summary_table.h"
#include "lab/confidence_interval.h"

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

std::string SweepSummaryTable(const ExperimentFile& file, const std::vector<SweepRun>& runs,
                              const std::vector<const RunReport*>& reports) {
  std::vector<std::string> metrics = SummaryMetrics(file);
  bool replicated = file.sweep.replications > 1;
  std::vector<std::string> headers;
  for (const auto& a : file.axes) headers.push_back(a.param);
  if (headers.empty()) headers.push_back("run");
  if (replicated) headers.push_back("n");
  for (const auto& m : metrics) headers.push_back(replicated ? m + " (±95% CI)" : m);
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < runs.size();) {
    size_t point = runs[i].point, first = i;
    std::vector<const RunReport*> reps;
    for (; i < runs.size() && runs[i].point == point; ++i)
      if (reports[i]) reps.push_back(reports[i]);
    std::vector<std::string> row;
    for (const auto& a : file.axes) row.push_back(runs[first].params.Raw(a.param));
    if (file.axes.empty()) row.push_back(file.sweep.name.empty() ? "default" : file.sweep.name);
    if (replicated) row.push_back(std::to_string(reps.size()));
    for (const auto& m : metrics) {
      std::vector<double> xs;
      for (const RunReport* r : reps)
        if (r->Get(m)) xs.push_back(r->GetNumber(m));
      if (xs.empty()) {
        row.push_back("-");
        continue;
      }
      Interval iv = MeanCI95(xs);
      row.push_back(replicated && iv.n > 1 ? Num(iv.mean) + " ± " + Num(iv.half_width, true) : Num(iv.mean));
    }
    rows.push_back(std::move(row));
  }
  return FormatTable(headers, rows);
}

}  // namespace cachelab::cli
