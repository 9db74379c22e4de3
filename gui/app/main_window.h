// The dashboard window: the runs table (sortable, filterable) over the store,
// the chart tabs for the selected runs, and the run form in a dock. The store
// is polled, so runs saved by any process (the form's child or a terminal)
// appear on their own.
#pragma once
#include <QMainWindow>
#include <QSortFilterProxyModel>
#include <QTimer>

#include "gui/app/run_form.h"
#include "gui/charts/chart_tabs.h"
#include "gui/models/run_list_model.h"
#include "gui/models/series_table_model.h"
#include "gui/models/store_reader.h"

QT_BEGIN_NAMESPACE
class QTableView;
class QLineEdit;
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
  RunForm* runForm() { return form_; }
  ChartTabs* charts() { return charts_; }

 private:
  QList<qlonglong> SelectedIds() const;
  void ShowSelected();
  void ShowLive(const RunReport& partial);
  void OpenDialog();
  void ExportDialog();

  StoreReader store_;
  RunListModel model_;
  QSortFilterProxyModel proxy_;
  SeriesTableModel data_model_;
  QTableView* table_;
  QLineEdit* filter_;
  ChartTabs* charts_;
  RunForm* form_;
  QTimer poll_;
  QList<qlonglong> shown_;  // ids now charted (to skip needless reloads)
};

}  // namespace cachelab::gui
