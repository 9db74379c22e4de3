// One run's time series as a table: a row per window end (seconds), a column
// per series ("name (unit)"); a series without a point at that time shows
// empty. The "Data" tab shows it; tests check it against the store.
#pragma once
#include <QAbstractTableModel>
#include <vector>

#include "sim/run_report.h"

namespace cachelab::gui {

class SeriesTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  using QAbstractTableModel::QAbstractTableModel;

  void SetRun(const RunReport& report);
  // Column of the series called `name`, or -1.
  int ColumnOf(const std::string& name) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

 private:
  std::vector<SimTime> times_;               // rows
  std::vector<Series> series_;               // columns 1..n (column 0 is time)
  std::vector<std::vector<int>> point_of_;   // [series][row] -> index in series, or -1
};

}  // namespace cachelab::gui
