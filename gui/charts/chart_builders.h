// One builder per chart (each in its own file); chart_catalog.cc names them.
#pragma once
#include <QtCharts/QChart>
#include <vector>

#include "gui/models/loaded_run.h"

namespace cachelab::gui {

QChart* BuildHitRateChart(const std::vector<LoadedRun>& runs);
QChart* BuildLatencyChart(const std::vector<LoadedRun>& runs);
QChart* BuildLatencyCdfChart(const std::vector<LoadedRun>& runs);
QChart* BuildStampedeChart(const std::vector<LoadedRun>& runs);
QChart* BuildRingChart(const std::vector<LoadedRun>& runs);
QChart* BuildMemoryChart(const std::vector<LoadedRun>& runs);
QChart* BuildMrcChart(const std::vector<LoadedRun>& runs);
QChart* BuildConsistencyChart(const std::vector<LoadedRun>& runs);

}  // namespace cachelab::gui
