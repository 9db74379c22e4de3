#include "gui/charts/chart_tabs.h"

#include <QtCharts/QChartView>

#include "gui/charts/chart_catalog.h"
#include "gui/charts/chart_render.h"

namespace cachelab::gui {

ChartTabs::ChartTabs(QWidget* parent) : QTabWidget(parent) {
  for (const auto& info : ChartCatalog()) {
    auto* view = new QChartView(BuildChart(info.name, {}));
    view->setRenderHint(QPainter::Antialiasing);
    view->setObjectName(info.name);
    view->setToolTip(info.help);
    views_.push_back(view);
    addTab(view, info.title);
  }
}

void ChartTabs::SetRuns(std::vector<LoadedRun> runs) {
  runs_ = std::move(runs);
  for (size_t i = 0; i < views_.size(); ++i) {
    QChart* old = views_[i]->chart();
    views_[i]->setChart(BuildChart(ChartCatalog()[i].name, runs_));
    delete old;  // setChart hands the previous chart back to us
  }
}

QString ChartTabs::CurrentChart() const {
  int i = currentIndex();
  return i >= 0 && i < static_cast<int>(views_.size()) ? ChartCatalog()[static_cast<size_t>(i)].name : QString();
}

bool ChartTabs::ExportCurrent(const QString& path, QString* error) const {
  QString name = CurrentChart();
  if (name.isEmpty()) {
    if (error) *error = tr("the current tab is not a chart");
    return false;
  }
  QSize size = currentWidget()->size().expandedTo(QSize(400, 300));
  return SaveChart(BuildChart(name, runs_), size, path, error);
}

}  // namespace cachelab::gui
