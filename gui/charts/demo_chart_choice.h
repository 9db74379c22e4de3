// Which chart tab a demo page opens on: the first of the guide's charts that
// has data for these runs, else the first catalog chart that has, else the
// first choice; with a note saying so (empty when the first choice fits).
#pragma once
#include <QString>
#include <QStringList>
#include <vector>

#include "gui/models/loaded_run.h"

namespace cachelab::gui {

struct ChartChoice {
  QString chart;  // catalog name
  QString note;
};

ChartChoice ChooseDemoChart(const QStringList& preferred, const std::vector<LoadedRun>& runs);

}  // namespace cachelab::gui
