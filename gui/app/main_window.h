// The dashboard window: the runs table (sortable, filterable) over the store,
// the chart tabs for the selected runs, and the run form in a dock. The store
// is polled, so runs saved by any process (the form's child or a terminal)
// appear on their own.
#pragma once
#include <QMainWindow>
#include <QSortFilterProxyModel>
#include <QTimer>

#include "gui/app/demo_page.h"
#include "gui/app/run_form.h"
#include "gui/charts/chart_tabs.h"
#include "gui/models/run_list_model.h"
#include "gui/models/series_table_model.h"
#include "gui/models/store_reader.h"

QT_BEGIN_NAMESPACE
class QTableView;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
QT_END_NAMESPACE

namespace cachelab::gui {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  MainWindow(const QString& db, const QString& cli, QWidget* parent = nullptr);

  void OpenStore(const QString& db);
  // Re-reads the run list, keeping the selection.
  void Refresh();
  void SelectRuns(const QList<qlonglong>& ids);
  RunListModel& runModel() { return model_; }
  QTableView* runTable() { return table_; }
  QSplitter* split() { return split_; }
  RunForm* runForm() { return form_; }
  ChartTabs* charts() { return charts_; }
  DemoPage* demoPage() { return demo_page_; }
  // Shows the guided page of a demo invocation (first_id 0: the newest of `demo`).
  bool OpenDemo(const QString& demo, int64_t first_id = 0);

 private:
  QList<qlonglong> SelectedIds() const;
  void ShowSelected();
  void ShowLive(const RunReport& partial);
  void OpenDialog();
  void ExportDialog();
  void OpenDemoDialog();
  void RebuildDemosMenu(const std::vector<RunSummary>& runs);
  // A checkable entry per table column (deleted when closed).
  QMenu* ColumnMenu();
  void FitSplit(bool charted);

  StoreReader store_;
  RunListModel model_;
  QSortFilterProxyModel proxy_;
  SeriesTableModel data_model_;
  QTableView* table_;
  QLineEdit* filter_;
  ChartTabs* charts_;
  RunForm* form_;
  QSplitter* split_;       // the runs table over the chart tabs
  int split_state_ = -1;   // 1 while runs are charted, 0 while not (-1: not laid out yet)
  QStackedWidget* stack_;  // the runs browser, or a demo's guided page
  DemoPage* demo_page_;
  QMenu* demos_menu_;
  QTimer poll_;
  QList<qlonglong> shown_;  // ids now charted (to skip needless reloads)
};

}  // namespace cachelab::gui
