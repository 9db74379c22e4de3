// The runs table: one row per stored run (ResultStore::ListRuns), columns for
// the parameters people compare by and the headline metrics, then more that
// start hidden (the column chooser shows them). Numbers are returned as
// numbers under Qt::EditRole, so a QSortFilterProxyModel sorts them
// numerically; DisplayRole is formatted text.
#pragma once
#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "results/result_store.h"

namespace cachelab::gui {

class RunListModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { kId, kDate, kKind, kStrategy, kInvalidation, kGuard, kPartitioner, kWorkload, kRequests, kSeed,
                kHitRatio, kP99, kDbQueries, kStaleReads, kNote, kFirstHidden, kColumnCount = kFirstHidden + 15 };
  static constexpr int kRunIdRole = Qt::UserRole + 1;

  using QAbstractTableModel::QAbstractTableModel;

  // Replaces every row (a full reset: run lists are small, and ids only grow).
  void SetRuns(std::vector<RunSummary> runs);
  const RunSummary& run(int row) const { return runs_[static_cast<size_t>(row)]; }
  int RowOfId(int64_t id) const;
  // Columns shown until the user chooses otherwise.
  static bool ShownByDefault(int column) { return column < kFirstHidden; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

 private:
  QVariant Value(const RunSummary& r, int column) const;
  std::vector<RunSummary> runs_;
};

// What a run is, from its parameters rather than its stored label:
// "cache-aside/ttl/xfetch", "cache-aside/ttl ring x4 churn", "hot-key".
QString RunTitle(const RunSummary& r);
// The workload column: "zipf 0.99 over 100,000 keys", "hot-key", a trace file's name.
QString WorkloadText(const RunSummary& r);

}  // namespace cachelab::gui
