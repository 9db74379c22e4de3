#include "gui/models/heatmap.h"

#include <set>

#include "gui/models/run_names.h"
#include "gui/models/summary_lookup.h"

namespace cachelab::gui {

QStringList SweepDimensions(const std::vector<LoadedRun>& runs) {
  QStringList dims;
  if (runs.size() < 2) return dims;
  for (const auto& k : VaryingKeys(runs))
    if (k != "seed") dims << QString::fromStdString(k);
  return dims;
}

QStringList NumericFields(const std::vector<LoadedRun>& runs) {
  QStringList out;
  std::set<std::string> seen;
  for (const auto& r : runs)
    for (const auto& f : r.report.fields)
      if (AsNumber(f.value) && !IsWallClockField(f.name) && seen.insert(f.name).second)
        out << QString::fromStdString(f.name);
  return out;
}

Heatmap ComputeHeatmap(const std::vector<LoadedRun>& runs, const QString& metric, const QString& x, const QString& y) {
  Heatmap h{metric, x, y, {}, {}, {}, {}};
  for (const QString& d : SweepDimensions(runs))
    if (d != x && d != y) h.averaged << d;
  auto value = [](const LoadedRun& r, const QString& key) {
    return key.isEmpty() ? QString() : QString::fromStdString(r.report.ConfigValue(key.toStdString()));
  };
  for (const auto& r : runs) {
    if (!h.xs.contains(value(r, x))) h.xs << value(r, x);
    if (!h.ys.contains(value(r, y))) h.ys << value(r, y);
  }
  std::vector<std::vector<std::vector<double>>> samples(h.ys.size(), std::vector<std::vector<double>>(h.xs.size()));
  h.cells.assign(h.ys.size(), std::vector<HeatCell>(h.xs.size()));
  for (const auto& r : runs) {
    auto row = static_cast<size_t>(h.ys.indexOf(value(r, y))), col = static_cast<size_t>(h.xs.indexOf(value(r, x)));
    h.cells[row][col].ids.push_back(r.id);
    if (auto v = FieldNumber(r.report.fields, metric.toStdString())) samples[row][col].push_back(*v);
  }
  for (size_t row = 0; row < h.cells.size(); ++row)
    for (size_t col = 0; col < h.cells[row].size(); ++col) h.cells[row][col].value = MeanCI95(samples[row][col]);
  return h;
}

}  // namespace cachelab::gui
