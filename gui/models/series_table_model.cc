#include "gui/models/series_table_model.h"

#include <algorithm>
#include <cmath>

namespace cachelab::gui {

void SeriesTableModel::SetRun(const RunReport& report) {
  beginResetModel();
  series_ = report.series;
  axes_.clear();
  for (const auto& s : series_)
    if (std::find(axes_.begin(), axes_.end(), s.axis) == axes_.end()) axes_.push_back(s.axis);
  if (axes_.empty()) axes_.push_back(SeriesAxis::kTime);
  auto axis_index = [&](SeriesAxis a) { return static_cast<size_t>(std::find(axes_.begin(), axes_.end(), a) - axes_.begin()); };
  rows_.clear();
  for (const auto& s : series_)
    for (SimTime t : s.t) rows_.emplace_back(axis_index(s.axis), t);
  std::sort(rows_.begin(), rows_.end());
  rows_.erase(std::unique(rows_.begin(), rows_.end()), rows_.end());
  point_of_.assign(series_.size(), std::vector<int>(rows_.size(), -1));
  for (size_t s = 0; s < series_.size(); ++s)
    for (size_t i = 0; i < series_[s].t.size(); ++i) {
      auto row = std::lower_bound(rows_.begin(), rows_.end(), std::pair{axis_index(series_[s].axis), series_[s].t[i]}) -
                 rows_.begin();
      point_of_[s][static_cast<size_t>(row)] = static_cast<int>(i);
    }
  endResetModel();
}

int SeriesTableModel::ColumnOf(const std::string& name) const {
  for (size_t i = 0; i < series_.size(); ++i)
    if (series_[i].name == name) return static_cast<int>(axes_.size() + i);
  return -1;
}

int SeriesTableModel::ColumnOfAxis(SeriesAxis axis) const {
  auto it = std::find(axes_.begin(), axes_.end(), axis);
  return it == axes_.end() ? -1 : static_cast<int>(it - axes_.begin());
}

int SeriesTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int SeriesTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(axes_.size() + series_.size());
}

QVariant SeriesTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::EditRole)) return {};
  auto row = static_cast<size_t>(index.row());
  auto col = static_cast<size_t>(index.column());
  if (col < axes_.size()) {
    if (rows_[row].first != col) return {};
    SimTime t = rows_[row].second;
    return axes_[col] == SeriesAxis::kTime ? QVariant(ToSeconds(t)) : QVariant(static_cast<qlonglong>(t));
  }
  auto s = col - axes_.size();
  int p = point_of_[s][row];
  if (p < 0 || std::isnan(series_[s].v[static_cast<size_t>(p)])) return {};
  return series_[s].v[static_cast<size_t>(p)];
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole) return {};
  auto col = static_cast<size_t>(section);
  if (col < axes_.size())
    return axes_[col] == SeriesAxis::kTime ? QStringLiteral("t (s)") : QStringLiteral("t (%1)").arg(AxisName(axes_[col]));
  const Series& s = series_[col - axes_.size()];
  QString name = QString::fromStdString(s.name);
  return s.unit.empty() ? name : name + " (" + QString::fromStdString(s.unit) + ")";
}

}  // namespace cachelab::gui
