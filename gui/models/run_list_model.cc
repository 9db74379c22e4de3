#include "gui/models/run_list_model.h"

#include <QLocale>

#include "gui/models/summary_lookup.h"

namespace cachelab::gui {
namespace {

struct ColumnSpec {
  const char* header;
  const char* key;  // config key or field name
  bool is_field;
  int decimals;     // for fields; -1 = integer
};

// Config keys that don't exist yet (guard, partitioner, workload) show empty
// until the areas that add them land.
constexpr ColumnSpec kColumns[] = {
    {"id", "", false, 0},
    {"date (UTC)", "", false, 0},
    {"kind", "", false, 0},
    {"strategy", "strategy", false, 0},
    {"invalidation", "invalidation", false, 0},
    {"stampede guard", "stampede-guard", false, 0},
    {"partitioner", "partitioner", false, 0},
    {"workload", "workload", false, 0},
    {"requests", "requests", true, -1},
    {"seed", "", false, 0},
    {"hit ratio", "hit_ratio", true, 4},
    {"p99 us", "latency_us.p99", true, 0},
    {"db queries", "db_queries", true, -1},
    {"stale reads", "stale_reads", true, -1},
};
static_assert(std::size(kColumns) == RunListModel::kColumnCount);

}  // namespace

void RunListModel::SetRuns(std::vector<RunSummary> runs) {
  beginResetModel();
  runs_ = std::move(runs);
  endResetModel();
}

int RunListModel::RowOfId(int64_t id) const {
  for (size_t i = 0; i < runs_.size(); ++i)
    if (runs_[i].id == id) return static_cast<int>(i);
  return -1;
}

int RunListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(runs_.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kColumnCount; }

QVariant RunListModel::Value(const RunSummary& r, int column) const {
  const ColumnSpec& c = kColumns[column];
  switch (column) {
    case kId: return QVariant::fromValue<qlonglong>(r.id);
    case kDate: return QString::fromStdString(r.created_at);
    case kKind: return QString::fromStdString(r.kind);
    case kSeed: return QVariant::fromValue<qulonglong>(r.seed);
    default: break;
  }
  if (!c.is_field) {
    std::string v = ConfigOf(r, c.key);
    if (column == kWorkload && v.empty() && !ConfigOf(r, "alpha").empty()) v = "zipf " + ConfigOf(r, "alpha");
    return QString::fromStdString(v);
  }
  std::optional<double> v = FieldNumber(r, c.key);
  if (!v) return {};
  return *v;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const RunSummary& r = runs_[static_cast<size_t>(index.row())];
  if (role == kRunIdRole) return QVariant::fromValue<qlonglong>(r.id);
  if (role == Qt::TextAlignmentRole)
    return kColumns[index.column()].is_field || index.column() == kId ? int(Qt::AlignRight | Qt::AlignVCenter)
                                                                       : int(Qt::AlignLeft | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole) return QString::fromStdString(r.label);
  QVariant v = Value(r, index.column());
  if (role == Qt::EditRole) return v;
  if (role != Qt::DisplayRole) return {};
  const ColumnSpec& c = kColumns[index.column()];
  if (c.is_field && v.isValid()) {
    QLocale locale(QLocale::English);
    return c.decimals < 0 ? locale.toString(static_cast<qlonglong>(v.toDouble()))
                          : locale.toString(v.toDouble(), 'f', c.decimals);
  }
  return v;
}

QVariant RunListModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kColumnCount) return {};
  return QString::fromLatin1(kColumns[section].header);
}

}  // namespace cachelab::gui
