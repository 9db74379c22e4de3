// The charts that are plain lines of named series: only their specs differ.
#include "gui/charts/chart_builders.h"
#include "gui/charts/time_chart.h"

namespace cachelab::gui {

QChart* BuildHitRateChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec;
  spec.title = QStringLiteral("Hit rate per window");
  spec.left_title = QStringLiteral("hit ratio (hits / reads)");
  spec.lines = {{"hit_ratio", {}}};
  spec.left_min = 0;
  spec.left_max = 1;
  return BuildTimeChart(spec, runs).chart;
}

QChart* BuildLatencyChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec;
  spec.title = QStringLiteral("Request latency percentiles per window");
  spec.left_title = QStringLiteral("latency (µs)");
  spec.lines = {{"latency.p50", "p50", Qt::SolidLine}, {"latency.p99", "p99", Qt::DashLine}};
  return BuildTimeChart(spec, runs).chart;
}

QChart* BuildMemoryChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec;
  spec.title = QStringLiteral("Cache memory and evictions");
  spec.left_title = QStringLiteral("memory used (MiB)");
  spec.right_title = QStringLiteral("evictions per window (dashed)");
  spec.lines = {{"memory_bytes", "memory", Qt::SolidLine, 1.0 / (1 << 20)},
                {"evictions", "evictions", Qt::DashLine, 1, true}};
  return BuildTimeChart(spec, runs).chart;
}

QChart* BuildConsistencyChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec;
  spec.title = QStringLiteral("Stale reads and database writes");
  spec.left_title = QStringLiteral("stale reads per window");
  spec.right_title = QStringLiteral("database writes per second (dashed)");
  spec.lines = {{"stale_reads", "stale reads"}, {"db_writes_per_s", "DB writes/s", Qt::DashLine, 1, true}};
  spec.left_min = 0;
  return BuildTimeChart(spec, runs).chart;
}

QChart* BuildMrcChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec;
  spec.title = QStringLiteral("Miss ratio curve");
  // Replays size caches in bytes unless they ran in object mode.
  bool objects = !runs.empty() && runs.front().report.ConfigValue("mode") == "objects";
  spec.x_title = objects ? QStringLiteral("cache size (objects)") : QStringLiteral("cache size (MiB)");
  spec.x_scale = objects ? 1.0 : 1.0 / (1 << 20);
  spec.left_title = QStringLiteral("miss ratio");
  spec.lines = {{"mrc", "requests"}, {"byte_mrc", "bytes", Qt::DashLine}};
  spec.left_min = 0;
  spec.left_max = 1;
  spec.x_is_time = false;
  return BuildTimeChart(spec, runs).chart;
}

}  // namespace cachelab::gui
