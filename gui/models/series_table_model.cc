#include "gui/models/series_table_model.h"

#include <algorithm>
#include <cmath>

namespace cachelab::gui {

void SeriesTableModel::SetRun(const RunReport& report) {
  beginResetModel();
  series_ = report.series;
  times_.clear();
  for (const auto& s : series_) times_.insert(times_.end(), s.t.begin(), s.t.end());
  std::sort(times_.begin(), times_.end());
  times_.erase(std::unique(times_.begin(), times_.end()), times_.end());
  point_of_.assign(series_.size(), std::vector<int>(times_.size(), -1));
  for (size_t s = 0; s < series_.size(); ++s)
    for (size_t i = 0; i < series_[s].t.size(); ++i) {
      auto row = std::lower_bound(times_.begin(), times_.end(), series_[s].t[i]) - times_.begin();
      point_of_[s][static_cast<size_t>(row)] = static_cast<int>(i);
    }
  endResetModel();
}

int SeriesTableModel::ColumnOf(const std::string& name) const {
  for (size_t i = 0; i < series_.size(); ++i)
    if (series_[i].name == name) return static_cast<int>(i) + 1;
  return -1;
}

int SeriesTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(times_.size());
}

int SeriesTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(series_.size()) + 1;
}

QVariant SeriesTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole)) return {};
  auto row = static_cast<size_t>(index.row());
  if (index.column() == 0) return ToSeconds(times_[row]);
  auto s = static_cast<size_t>(index.column() - 1);
  int p = point_of_[s][row];
  if (p < 0 || std::isnan(series_[s].v[static_cast<size_t>(p)])) return {};
  return series_[s].v[static_cast<size_t>(p)];
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
  if (section == 0) return QStringLiteral("t (s)");
  const Series& s = series_[static_cast<size_t>(section - 1)];
  QString name = QString::fromStdString(s.name);
  return s.unit.empty() ? name : name + " (" + QString::fromStdString(s.unit) + ")";
}

}  // namespace cachelab::gui
