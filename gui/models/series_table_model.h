// One run's series as a table: a position column per axis the series use
// ("t (s)" for time, in seconds; "t (requests)", "t (rank)", "t (bytes)",
// "t (objects)" as counted), then a column per series ("name (unit)"). A row is
// one position on one axis (a window end, a rank, a cache size): its axis's
// column is filled, the others are empty, and so is a series without a point
// there. The "Data" tab shows it; tests check it against the store.
#pragma once
#include <QAbstractTableModel>
#include <utility>
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
  // Column of the positions on `axis`, or -1 when no series uses it.
  int ColumnOfAxis(SeriesAxis axis) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

 private:
  std::vector<SeriesAxis> axes_;                     // columns 0..axes_.size()-1, first-seen order
  std::vector<std::pair<size_t, SimTime>> rows_;     // (index in axes_, position), sorted
  std::vector<Series> series_;                       // the columns after the axes'
  std::vector<std::vector<int>> point_of_;           // [series][row] -> index in series, or -1
};

}  // namespace cachelab::gui
