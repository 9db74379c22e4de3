// The dashboard's charts by name: the GUI's tabs, `cachelab-gui --screenshot`
// and `cachelab plot` all build them here. Every chart overlays any number of
// runs and tolerates missing series (it says what is missing instead).
#pragma once
#include <QString>
#include <vector>

#include "gui/charts/built_chart.h"
#include "gui/models/loaded_run.h"

namespace cachelab::gui {

struct ChartInfo {
  QString name;   // command-line name, e.g. "hit-rate"
  QString title;  // tab text
  QString help;
};

const std::vector<ChartInfo>& ChartCatalog();
bool IsChartName(const QString& name);
// A new chart (the caller owns its panes); an unknown name gives an empty one.
BuiltChart BuildChart(const QString& name, const std::vector<LoadedRun>& runs);

}  // namespace cachelab::gui
