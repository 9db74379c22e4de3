// One tab per catalog chart, each a ChartPanel (panes and legend table) of the
// same runs. Charts are rebuilt in bulk when the runs change (never point by point).
#pragma once
#include <QTabWidget>
#include <vector>

#include "gui/models/loaded_run.h"

namespace cachelab::gui {

class ChartPanel;

class ChartTabs : public QTabWidget {
  Q_OBJECT
 public:
  explicit ChartTabs(QWidget* parent = nullptr);

  void SetRuns(std::vector<LoadedRun> runs);
  const std::vector<LoadedRun>& runs() const { return runs_; }
  // Catalog name of the chart in the current tab (empty if it's not a chart tab).
  QString CurrentChart() const;
  // Shows the tab of a catalog chart; false for an unknown name.
  bool ShowChart(const QString& name);
  ChartPanel* panel(const QString& name) const;
  // Saves the current chart (PNG or SVG by extension) at its on-screen size.
  bool ExportCurrent(const QString& path, QString* error) const;

 signals:
  void runsRequested(const QList<qlonglong>& ids);  // e.g. a sweep cell clicked

 private:
  std::vector<ChartPanel*> panels_;
  std::vector<LoadedRun> runs_;
};

}  // namespace cachelab::gui
