// Helpers the chart tests share: a run from a report, a chart laid out as a
// window shows it, the line series a pane draws.
#pragma once
#include <QCoreApplication>
#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <memory>
#include <vector>

#include "gui/charts/chart_panel.h"
#include "gui/charts/chart_render.h"
#include "gui/models/loaded_run.h"

namespace cachelab::gui::test {

inline LoadedRun Run(int64_t id, RunReport r) { return {id, QString(), std::move(r)}; }

// The chart in a panel laid out at the default size, as a window would show it.
inline std::unique_ptr<ChartPanel> Shown(BuiltChart chart) {
  auto panel = std::make_unique<ChartPanel>();
  panel->SetChart(std::move(chart));
  panel->setAttribute(Qt::WA_DontShowOnScreen);
  panel->resize(kDefaultChartSize);
  panel->show();
  QCoreApplication::processEvents();
  return panel;
}

inline std::vector<QLineSeries*> Lines(QChart* pane) {
  std::vector<QLineSeries*> out;
  for (auto* s : pane->series())
    if (auto* l = qobject_cast<QLineSeries*>(s); l && !qobject_cast<QScatterSeries*>(s) && l->count() > 2)
      out.push_back(l);
  return out;
}

}  // namespace cachelab::gui::test
