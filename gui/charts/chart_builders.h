// One builder per chart (each in its own file); chart_catalog.cc names them.
#pragma once
#include <QMap>
#include <QString>
#include <vector>

#include "gui/charts/built_chart.h"
#include "gui/models/loaded_run.h"

namespace cachelab::gui {

BuiltChart BuildHitRateChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildLatencyChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildLatencyCdfChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildStampedeChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildRingChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildMemoryChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildMrcChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildConsistencyChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildSummaryChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildDurabilityChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildSweepChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildMovedChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildTraceChart(const std::vector<LoadedRun>& runs);
BuiltChart BuildReplayHitRateChart(const std::vector<LoadedRun>& runs);
// metric, x, y empty: hit_ratio over the first two parameters that vary;
// fixed: other parameters held at a value (the rest are averaged).
BuiltChart BuildSweepChart(const std::vector<LoadedRun>& runs, const QString& metric, const QString& x,
                           const QString& y, const QMap<QString, QString>& fixed);

}  // namespace cachelab::gui
