// The headless renderer behind `cachelab-gui --screenshot` and `cachelab plot`
// (cachelab-plot): load runs from the store, build a chart, save PNG/SVG.
#pragma once
#include <QMap>
#include <QSize>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "gui/charts/chart_render.h"

namespace cachelab::gui {

struct PlotRequest {
  QString db;
  QString runs = QStringLiteral("last");  // "last", "all", or ids "3,5,7"
  QString chart;                          // a catalog name, or "all" (then out is a folder)
  QString out;
  QSize size = kDefaultChartSize;
  QString metric, x, y;  // the sweep chart's choices (empty: its defaults)
  QMap<QString, QString> fixed;  // sweep chart: parameters held at a value (--fix), the others averaged
};

// Renders; returns a process exit code (0 ok, 1 failure, 2 bad input) and
// prints what it wrote or what went wrong on stderr.
int RunPlot(const PlotRequest& req);
// The catalog as "name  help" lines, for --list-charts.
QString ChartListText();
// Command-line entry of cachelab-plot: parses arguments then RunPlot.
int PlotMain(const QStringList& args);

}  // namespace cachelab::gui
