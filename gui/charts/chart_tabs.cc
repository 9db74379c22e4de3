#include "gui/charts/chart_tabs.h"

#include "gui/charts/chart_catalog.h"
#include "gui/charts/chart_panel.h"
#include "gui/charts/chart_render.h"

namespace cachelab::gui {

ChartTabs::ChartTabs(QWidget* parent) : QTabWidget(parent) {
  for (const auto& info : ChartCatalog()) {
    auto* panel = new ChartPanel;
    panel->SetChart(BuildChart(info.name, {}));
    panel->setObjectName(info.name);
    panel->setToolTip(info.help);
    connect(panel, &ChartPanel::runsRequested, this, &ChartTabs::runsRequested);
    panels_.push_back(panel);
    addTab(panel, info.title);
  }
}

void ChartTabs::SetRuns(std::vector<LoadedRun> runs) {
  runs_ = std::move(runs);
  for (size_t i = 0; i < panels_.size(); ++i) panels_[i]->SetChart(BuildChart(ChartCatalog()[i].name, runs_));
}

QString ChartTabs::CurrentChart() const {
  int i = currentIndex();
  return i >= 0 && i < static_cast<int>(panels_.size()) ? ChartCatalog()[static_cast<size_t>(i)].name : QString();
}

bool ChartTabs::ShowChart(const QString& name) {
  for (size_t i = 0; i < panels_.size(); ++i)
    if (ChartCatalog()[i].name == name) {
      setCurrentIndex(static_cast<int>(i));
      return true;
    }
  return false;
}

ChartPanel* ChartTabs::panel(const QString& name) const {
  for (size_t i = 0; i < panels_.size(); ++i)
    if (ChartCatalog()[i].name == name) return panels_[i];
  return nullptr;
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
