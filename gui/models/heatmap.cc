#include "gui/models/heatmap.h"

#include <set>

#include "gui/models/run_names.h"
#include "gui/models/summary_lookup.h"
#include "results/pair_label.h"

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

QStringList DimensionValues(const std::vector<LoadedRun>& runs, const QString& dim) {
  QStringList out;
  for (const auto& r : runs)
    if (QString v = QString::fromStdString(r.report.ConfigValue(dim.toStdString())); !out.contains(v)) out << v;
  return out;
}

Heatmap ComputeHeatmap(const std::vector<LoadedRun>& all, const QString& metric, const QString& x, const QString& y,
                       const QMap<QString, QString>& fixed) {
  Heatmap h{metric, x, y, {}, {}, {}, {}, {}};
  auto value = [](const LoadedRun& r, const QString& key) {
    return key.isEmpty() ? QString() : QString::fromStdString(r.report.ConfigValue(key.toStdString()));
  };
  std::vector<const LoadedRun*> runs;
  for (const auto& r : all) {
    bool keep = true;
    for (auto f = fixed.begin(); f != fixed.end(); ++f) keep &= f.key() == x || f.key() == y || value(r, f.key()) == f.value();
    if (keep) runs.push_back(&r);
  }
  // A parameter that is a function of x or of y (a replay's cache_size of its
  // size argument) is that axis under another name: not averaged over, not said.
  auto follows = [&](const QString& axis, const QString& d) {
    QMap<QString, QString> seen;  // axis value -> d's value
    for (const LoadedRun* r : runs) {
      QString a = value(*r, axis), v = value(*r, d);
      if (auto it = seen.find(a); it == seen.end()) seen.insert(a, v);
      else if (*it != v) return false;
    }
    return true;
  };
  for (const QString& d : SweepDimensions(all)) {
    if (d == x || d == y) continue;
    if (fixed.contains(d)) h.fixed << d + "=" + fixed[d];
    else if (!follows(x, d) && !follows(y, d)) h.averaged << d;
  }
  for (const LoadedRun* r : runs) {
    if (!h.xs.contains(value(*r, x))) h.xs << value(*r, x);
    if (!h.ys.contains(value(*r, y))) h.ys << value(*r, y);
  }
  // A cell's samples by configuration (the values of the parameters averaged over):
  // replications of one configuration are noise, the others are what is averaged.
  std::vector<std::vector<std::map<QString, std::vector<double>>>> samples(
      h.ys.size(), std::vector<std::map<QString, std::vector<double>>>(h.xs.size()));
  std::vector<std::vector<std::vector<PairLabel>>> labels(h.ys.size(), std::vector<std::vector<PairLabel>>(h.xs.size()));
  h.cells.assign(h.ys.size(), std::vector<HeatCell>(h.xs.size()));
  for (const LoadedRun* r : runs) {
    auto row = static_cast<size_t>(h.ys.indexOf(value(*r, y))), col = static_cast<size_t>(h.xs.indexOf(value(*r, x)));
    h.cells[row][col].ids.push_back(r->id);
    labels[row][col].push_back(PairLabelOf(r->report));
    QString config;
    for (const QString& d : h.averaged) config += value(*r, d) + QChar(0x1f);
    if (auto v = FieldNumber(r->report.fields, metric.toStdString())) samples[row][col][config].push_back(*v);
  }
  for (size_t row = 0; row < h.cells.size(); ++row)
    for (size_t col = 0; col < h.cells[row].size(); ++col) {
      HeatCell& cell = h.cells[row][col];
      std::vector<std::vector<double>> groups;
      for (auto& [config, values] : samples[row][col]) groups.push_back(std::move(values));
      cell.value = MeanOfGroupsCI95(groups);
      size_t marked = 0;
      for (const PairLabel& l : labels[row][col])
        if (!l.mark.empty()) {
          if (!marked++) {
            cell.mark = QString::fromStdString(l.mark);
            cell.note = (l.same_as.empty() ? QStringLiteral("n/a: ") : QString()) + QString::fromStdString(l.note);
          }
        }
      if (marked && marked < labels[row][col].size()) cell.mark += QStringLiteral(" (some runs)");
    }
  return h;
}

}  // namespace cachelab::gui
