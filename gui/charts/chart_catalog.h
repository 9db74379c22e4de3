// The dashboard's charts by name: the GUI's tabs, `cachelab-gui --screenshot`
// and `cachelab plot` all build them here. Every chart overlays any number of
// runs and tolerates missing series (it says what is missing instead).
#pragma once
#include <QString>
#include <vector>

#include "gui/models/loaded_run.h"

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace cachelab::gui {

struct ChartInfo {
  QString name;   // command-line name, e.g. "hit-rate"
  QString title;  // tab text
  QString help;
};

const std::vector<ChartInfo>& ChartCatalog();
bool IsChartName(const QString& name);
// A new chart (the caller owns it), or nullptr for an unknown name.
QChart* BuildChart(const QString& name, const std::vector<LoadedRun>& runs);

}  // namespace cachelab::gui
