#include "gui/charts/chart_catalog.h"

#include "gui/charts/chart_builders.h"

namespace cachelab::gui {
namespace {

struct Entry {
  ChartInfo info;
  BuiltChart (*build)(const std::vector<LoadedRun>&);
};

const std::vector<Entry>& Entries() {
  static const std::vector<Entry> entries = {
      {{"hit-rate", "Hit rate", "hit ratio per window over time (series hit_ratio)"}, BuildHitRateChart},
      {{"latency", "Latency", "p50 and p99 latency per window over time, log axes in two panes (latency.p50, latency.p99)"},
       BuildLatencyChart},
      {{"latency-cdf", "Latency CDF", "distribution of every request's latency over the run (histogram latency_ns)"},
       BuildLatencyCdfChart},
      {{"stampede", "Stampede load", "database queries per second (db_queries_per_s) with the runs' events marked"},
       BuildStampedeChart},
      {{"ring", "Ring balance", "keys and requests per node against the ideal even share"}, BuildRingChart},
      {{"moved", "Keys moved", "keys moved by each membership change per run, against the ideal (churn.<k>.remapped, .ideal)"},
       BuildMovedChart},
      {{"memory", "Memory", "cache memory with the maxmemory line, and evictions per window"}, BuildMemoryChart},
      {{"consistency", "Consistency", "stale reads per window, database writes per second, cumulative lost writes (stale_reads, db_writes_per_s, lost_writes)"},
       BuildConsistencyChart},
      {{"durability", "Durability", "database writes per second and cumulative lost writes, crashes marked (db_writes_per_s, lost_writes)"},
       BuildDurabilityChart},
      {{"summary", "Summary", "headline metrics of the selected runs as bars (replays: miss ratios); replications as mean with 95% CI"},
       BuildSummaryChart},
      {{"sweep", "Sweep", "a metric over two varying parameters as a heatmap (mean ± 95% CI); click a cell to open its runs"},
       BuildSweepChart},
      {{"trace", "Trace", "a trace's profile: rank-frequency with the fitted Zipf line, size and reuse histograms, request rate (runs of kind trace)"},
       BuildTraceChart},
      {{"replay-hit-rate", "Replay hit rate", "the hot keys' hit ratio per window of requests through a replay, with its scans (hot_hit_ratio, scan_requests)"},
       BuildReplayHitRateChart},
      {{"mrc", "Miss ratio curve", "replay miss ratio against cache size (series mrc)"}, BuildMrcChart},
  };
  return entries;
}

}  // namespace

const std::vector<ChartInfo>& ChartCatalog() {
  static const std::vector<ChartInfo> infos = [] {
    std::vector<ChartInfo> v;
    for (const auto& e : Entries()) v.push_back(e.info);
    return v;
  }();
  return infos;
}

bool IsChartName(const QString& name) {
  for (const auto& e : Entries())
    if (e.info.name == name) return true;
  return false;
}

BuiltChart BuildChart(const QString& name, const std::vector<LoadedRun>& runs) {
  for (const auto& e : Entries())
    if (e.info.name == name) return e.build(runs);
  BuiltChart none;
  none.name = name;
  none.subtitle = QStringLiteral("no chart called '%1'").arg(name);
  return none;
}

}  // namespace cachelab::gui
