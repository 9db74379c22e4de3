#include "gui/models/run_list_model.h"

#include <QFileInfo>
#include <QLocale>

#include "gui/models/summary_lookup.h"
#include "results/pair_label.h"

namespace cachelab::gui {
namespace {

enum class Source { kSpecial, kConfig, kField };

struct ColumnSpec {
  const char* header;
  const char* key;  // config key or field name
  Source source;
  int decimals;     // for fields; -1 = integer
};

constexpr ColumnSpec kColumns[] = {
    {"id", "", Source::kSpecial, 0},
    {"date (UTC)", "", Source::kSpecial, 0},
    {"kind", "", Source::kSpecial, 0},
    {"strategy", "strategy", Source::kConfig, 0},
    {"invalidation", "invalidation", Source::kConfig, 0},
    {"stampede guard", "stampede", Source::kConfig, 0},  // the parameter is --stampede
    {"partitioner", "partitioner", Source::kSpecial, 0},
    {"workload", "", Source::kSpecial, 0},
    {"requests", "requests", Source::kField, -1},
    {"seed", "", Source::kSpecial, 0},
    {"hit ratio", "hit_ratio", Source::kField, 4},
    {"p99 us", "latency_us.p99", Source::kField, 0},
    {"db queries", "db_queries", Source::kField, -1},
    {"stale reads", "stale_reads", Source::kField, -1},
    {"note", "", Source::kSpecial, 0},  // the strategy x invalidation mark (results/pair_label.h)
    // Hidden until chosen (right-click the header).
    {"run", "", Source::kSpecial, 0},
    {"label (stored)", "", Source::kSpecial, 0},
    {"p50 us", "latency_us.p50", Source::kField, 0},
    {"mean us", "latency_us.mean", Source::kField, 0},
    {"lost writes", "lost_writes", Source::kField, -1},
    {"peak memory", "memory_bytes_peak", Source::kField, -1},
    {"evictions", "evictions", Source::kField, -1},
    {"peak db q/s", "peak_db_qps", Source::kField, 0},
    {"miss ratio", "miss_ratio", Source::kField, 4},
    {"ttl", "ttl", Source::kConfig, 0},
    {"rate", "rate", Source::kConfig, 0},
    {"nodes", "nodes", Source::kConfig, 0},
    {"maxmemory", "maxmemory", Source::kConfig, 0},
    {"churn", "churn", Source::kConfig, 0},
    {"window", "window", Source::kConfig, 0},
};
static_assert(std::size(kColumns) == RunListModel::kColumnCount);
constexpr int kRunColumn = RunListModel::kFirstHidden, kLabelColumn = RunListModel::kFirstHidden + 1;

bool Set(const std::string& v) { return !v.empty() && v != "none" && v != "0"; }

}  // namespace

QString RunTitle(const RunSummary& r) {
  if (r.kind == "replay") return QString::fromStdString(r.label);
  QString t = QString::fromStdString(ConfigOf(r, "strategy"));
  if (std::string inv = ConfigOf(r, "invalidation"); !inv.empty()) t += "/" + QString::fromStdString(inv);
  if (std::string g = ConfigOf(r, "stampede"); Set(g)) t += "/" + QString::fromStdString(g);
  if (std::string n = ConfigOf(r, "nodes"); !n.empty() && n != "1")
    t += QStringLiteral(" %1 x%2").arg(QString::fromStdString(ConfigOf(r, "partitioner")), QString::fromStdString(n));
  if (Set(ConfigOf(r, "churn"))) t += " churn";
  if (std::string s = ConfigOf(r, "scenario"); Set(s)) t += " " + QString::fromStdString(s);
  return t.isEmpty() ? QString::fromStdString(r.label) : t;
}

QString WorkloadText(const RunSummary& r) {
  if (std::string s = ConfigOf(r, "scenario"); Set(s)) return QString::fromStdString(s);
  if (std::string trace = ConfigOf(r, "trace"); !trace.empty()) return QFileInfo(QString::fromStdString(trace)).fileName();
  std::string alpha = ConfigOf(r, "alpha"), keys = ConfigOf(r, "keys");
  if (alpha.empty()) return {};
  QString w = "zipf " + QString::fromStdString(alpha);
  bool ok = false;
  qlonglong k = QString::fromStdString(keys).toLongLong(&ok);
  if (ok) w += QStringLiteral(" over %1 keys").arg(QLocale(QLocale::English).toString(k));
  return w;
}

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
    case kWorkload: return WorkloadText(r);
    case kRunColumn: return RunTitle(r);
    case kLabelColumn: return QString::fromStdString(r.label);
    case kNote: return QString::fromStdString(PairLabelOf(r.fields).mark);
    case kPartitioner: {
      // One node consults no partitioner: the default "ring" would be a lie.
      std::string nodes = ConfigOf(r, "nodes");
      return nodes.empty() || nodes == "1" ? QString() : QString::fromStdString(ConfigOf(r, "partitioner"));
    }
    default: break;
  }
  if (c.source == Source::kConfig) return QString::fromStdString(ConfigOf(r, c.key));
  std::optional<double> v = FieldNumber(r, c.key);
  if (!v) return {};
  return *v;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const RunSummary& r = runs_[static_cast<size_t>(index.row())];
  const ColumnSpec& c = kColumns[index.column()];
  if (role == kRunIdRole) return QVariant::fromValue<qlonglong>(r.id);
  if (role == Qt::TextAlignmentRole)
    return c.source == Source::kField || index.column() == kId ? int(Qt::AlignRight | Qt::AlignVCenter)
                                                               : int(Qt::AlignLeft | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole) {
    PairLabel l = PairLabelOf(r.fields);
    return l.note.empty() ? RunTitle(r)
                          : RunTitle(r) + "\n" + (l.same_as.empty() ? "n/a: " : "") + QString::fromStdString(l.note);
  }
  QVariant v = Value(r, index.column());
  if (role == Qt::EditRole) return v;
  if (role != Qt::DisplayRole) return {};
  if (c.source == Source::kField && v.isValid()) {
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
