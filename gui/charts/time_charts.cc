// The charts that are panes of named series over time: only their specs differ.
#include "gui/charts/chart_builders.h"
#include "gui/charts/time_chart.h"

namespace cachelab::gui {
namespace {

PaneSpec DbWritesPane() {
  PaneSpec p;
  p.series = {"db_writes_per_s"};
  p.y_title = QStringLiteral("DB writes / s");
  p.figure_header = QStringLiteral("DB writes");
  p.figure_field = "db_writes";
  return p;
}

// Lost writes so far: write-behind stores the writes lost per window.
PaneSpec LostWritesPane() {
  PaneSpec p;
  p.series = {"lost_writes"};
  p.y_title = QStringLiteral("lost writes, total");
  p.cumulative = true;
  p.figure_header = QStringLiteral("lost writes");
  p.figure_field = "lost_writes";
  return p;
}

}  // namespace

BuiltChart BuildHitRateChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec{"hit-rate", QStringLiteral("Hit rate per window"), {}};
  PaneSpec p;
  p.series = {"hit_ratio"};
  p.y_title = QStringLiteral("hit ratio (hits / reads)");
  p.y_max = 1;
  p.figure_header = QStringLiteral("hit ratio");
  p.figure_field = "hit_ratio";
  spec.panes = {p};
  return BuildTimeChart(spec, runs);
}

BuiltChart BuildLatencyChart(const std::vector<LoadedRun>& runs) {
  // p50 and p99 in panes of their own, on log axes: on one linear axis reaching
  // the p99's hundreds of ms, every p50 is a flat line at 0.
  TimeChartSpec spec{"latency", QStringLiteral("Request latency per window: p50 (top) and p99 (bottom)"), {}};
  PaneSpec p50;
  p50.series = {"latency.p50"};
  p50.y_title = QStringLiteral("p50 latency (µs, log)");
  p50.log_y = true;
  p50.figure_header = QStringLiteral("p50 µs");
  p50.figure_field = "latency_us.p50";
  PaneSpec p99 = p50;
  p99.series = {"latency.p99"};
  p99.y_title = QStringLiteral("p99 latency (µs, log)");
  p99.figure_header = QStringLiteral("p99 µs");
  p99.figure_field = "latency_us.p99";
  spec.panes = {p50, p99};
  return BuildTimeChart(spec, runs);
}

BuiltChart BuildStampedeChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec{"stampede", QStringLiteral("Stampede load: database queries per second"), {}};
  PaneSpec p;
  p.series = {"db_queries_per_s"};
  p.y_title = QStringLiteral("database queries per second");
  p.figure_header = QStringLiteral("peak q/s");
  p.figure = Figure::kMax;
  spec.panes = {p};
  return BuildTimeChart(spec, runs);
}

BuiltChart BuildMemoryChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec{"memory", QStringLiteral("Cache memory and evictions"), {}};
  PaneSpec mem;
  mem.series = {"memory_bytes"};
  mem.y_title = QStringLiteral("memory used (MiB)");
  mem.scale = 1.0 / (1 << 20);
  mem.limit_config = "maxmemory";
  mem.figure_header = QStringLiteral("peak MiB");
  mem.figure_field = "memory_bytes_peak";  // the run's own peak, as the summary shows it
  mem.figure = Figure::kMax;               // else the series' (the same samples)
  mem.level = true;
  PaneSpec ev;
  ev.series = {"evictions"};
  ev.y_title = QStringLiteral("evictions per window");
  ev.hide_if_all_zero = true;
  ev.figure_header = QStringLiteral("evictions");
  ev.figure = Figure::kSum;
  spec.panes = {mem, ev};
  return BuildTimeChart(spec, runs);
}

BuiltChart BuildConsistencyChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec{"consistency", QStringLiteral("Consistency: stale reads, database writes, lost writes"), {}};
  PaneSpec stale;
  stale.series = {"stale_reads"};
  stale.y_title = QStringLiteral("stale reads / window");
  stale.figure_header = QStringLiteral("stale reads");
  stale.figure_field = "stale_reads";
  PaneSpec lost = LostWritesPane();
  lost.hide_if_all_zero = true;
  lost.optional = true;  // only write-behind loses writes
  spec.panes = {stale, DbWritesPane(), lost};
  return BuildTimeChart(spec, runs);
}

BuiltChart BuildDurabilityChart(const std::vector<LoadedRun>& runs) {
  // What write-behind trades: database writes in batches, and the writes a crash loses.
  TimeChartSpec spec{"durability", QStringLiteral("Durability: database writes and lost writes"), {}};
  spec.panes = {DbWritesPane(), LostWritesPane()};
  return BuildTimeChart(spec, runs);
}

BuiltChart BuildReplayHitRateChart(const std::vector<LoadedRun>& runs) {
  // A replay has no clock: hit ratio per window of requests, and where the one-time scans fall.
  TimeChartSpec spec{"replay-hit-rate", QStringLiteral("Replay: hit ratio through the trace, scans below"), {}};
  spec.x_title = QStringLiteral("requests replayed (thousands)");
  spec.x_axis = SeriesAxis::kRequests;
  spec.x_scale = 1e-3;
  spec.events = false;
  PaneSpec hit;
  hit.series = {"hot_hit_ratio"};
  hit.y_title = QStringLiteral("hot keys' hit ratio");
  hit.y_max = 1;
  hit.figure_header = QStringLiteral("hit ratio");
  hit.figure_field = "hit_ratio";
  PaneSpec scans;
  scans.series = {"scan_requests"};
  scans.y_title = QStringLiteral("scan requests");
  spec.panes = {hit, scans};
  return BuildTimeChart(spec, runs);
}

BuiltChart BuildMrcChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec{"mrc", QStringLiteral("Miss ratio curve"), {}};
  // The first curve's axis: cache sizes in bytes, or in objects (replay --ignore-obj-size).
  // A store older than axes read it as time: there the run's mode says which.
  SeriesAxis axis = SeriesAxis::kBytes;
  for (const auto& run : runs)
    if (const Series* s = FindSeries(run.report, "mrc")) {
      axis = s->axis != SeriesAxis::kTime                       ? s->axis
             : run.report.ConfigValue("mode") == "objects" ? SeriesAxis::kObjects
                                                            : SeriesAxis::kBytes;
      break;
    }
  bool objects = axis == SeriesAxis::kObjects;
  spec.x_title = objects ? QStringLiteral("cache size (objects)") : QStringLiteral("cache size (MiB)");
  spec.x_scale = objects ? 1.0 : 1.0 / (1 << 20);
  spec.x_axis = axis;
  spec.events = false;
  PaneSpec req;
  req.series = {"mrc"};
  req.y_title = QStringLiteral("miss ratio (requests)");
  req.y_max = 1;
  req.figure_header = QStringLiteral("miss ratio");
  req.figure_field = "miss_ratio";
  PaneSpec bytes = req;
  bytes.series = {"byte_mrc"};
  bytes.y_title = QStringLiteral("miss ratio (bytes)");
  bytes.figure_header = QStringLiteral("byte miss ratio");
  bytes.figure_field = "byte_miss_ratio";
  spec.panes = {req, bytes};
  return BuildTimeChart(spec, runs);
}

}  // namespace cachelab::gui
