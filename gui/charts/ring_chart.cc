// Ring balance: keys and requests per node as bars, each divided by the
// per-node mean, so the ideal even split is the line at 1. Reads per-node
// numbers by name, from fields or from the last point of series:
//   node.<id>.keys, node.<id>.requests   (what `cachelab run --nodes N` stores)
//   keys_per_node.<id>, requests_per_node.<id>
// and the remapped fraction of each membership change (fields churn.<k>.remapped,
// or the series remapped_fraction), shown in the legend table.
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cctype>
#include <map>

#include "gui/charts/chart_builders.h"
#include "gui/charts/chart_style.h"
#include "gui/models/summary_lookup.h"

namespace cachelab::gui {
namespace {

struct NamePattern {
  std::string prefix, suffix;  // <prefix><node><suffix>
};

bool EndsWith(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// node -> value for every field or series named by one of the patterns.
std::map<std::string, double> PerNode(const RunReport& r, const std::vector<NamePattern>& patterns) {
  std::map<std::string, double> out;
  auto take = [&](const std::string& name, double v) {
    for (const auto& p : patterns)
      if (name.size() > p.prefix.size() + p.suffix.size() && name.compare(0, p.prefix.size(), p.prefix) == 0 &&
          EndsWith(name, p.suffix)) {
        std::string node = name.substr(p.prefix.size(), name.size() - p.prefix.size() - p.suffix.size());
        out[std::isdigit(static_cast<unsigned char>(node[0])) ? "node" + node : node] = v;
      }
  };
  for (const auto& f : r.fields)
    if (auto v = AsNumber(f.value)) take(f.name, *v);
  for (const auto& s : r.series)
    if (!s.v.empty()) take(s.name, s.v.back());
  return out;
}

QBarSet* ShareSet(const QString& name, const std::map<std::string, double>& values,
                  const std::vector<std::string>& nodes) {
  double sum = 0;
  for (const auto& [n, v] : values) sum += v;
  double mean = values.empty() ? 1 : sum / static_cast<double>(values.size());
  auto* set = new QBarSet(name);
  for (const auto& n : nodes) {
    auto it = values.find(n);
    set->append(it == values.end() || mean <= 0 ? 0 : it->second / mean);
  }
  return set;
}

}  // namespace

BuiltChart BuildRingChart(const std::vector<LoadedRun>& runs) {
  BuiltChart out;
  out.name = "ring";
  out.title = QStringLiteral("Ring balance: keys (solid) and requests (light) per node, over the even split");
  out.figure_headers = {QStringLiteral("max/mean keys"), QStringLiteral("keys moved")};
  QChart* chart = NewPane();
  std::vector<std::map<std::string, double>> keys, reqs;
  std::vector<std::string> nodes;
  for (const auto& run : runs) {
    keys.push_back(PerNode(run.report, {{"node.", ".keys"}, {"keys_per_node.", ""}}));
    reqs.push_back(PerNode(run.report, {{"node.", ".requests"}, {"requests_per_node.", ""}}));
    for (const auto* m : {&keys.back(), &reqs.back()})
      for (const auto& [n, v] : *m)
        if (std::find(nodes.begin(), nodes.end(), n) == nodes.end()) nodes.push_back(n);
  }
  auto* bars = new QBarSeries;
  double top = 1.2;
  for (size_t r = 0; r < runs.size(); ++r) {
    LegendRow row;
    row.ids = {runs[r].id};
    row.name = runs[r].name;
    row.color = RunColor(r);
    row.fill = RunFill(r);
    for (auto [values, what, alpha] : {std::tuple{&keys[r], "keys", 255}, std::tuple{&reqs[r], "requests", 130}}) {
      if (values->empty()) continue;
      QBarSet* set = ShareSet(runs[r].name + " " + what, *values, nodes);
      StyleRunBars(set, r, alpha);
      double mx = 0;
      for (int i = 0; i < set->count(); ++i) mx = std::max(mx, set->at(i));
      top = std::max(top, mx * 1.1);
      if (values == &keys[r]) row.figures << FigureText(mx);
      bars->append(set);
      row.bar_sets.push_back(set);
    }
    if (row.figures.isEmpty()) row.figures << QStringLiteral("–");
    QStringList changes;
    for (const auto& f : runs[r].report.fields)
      if (f.name.rfind("churn.", 0) == 0 && EndsWith(f.name, ".remapped"))
        if (auto v = AsNumber(f.value)) changes << QStringLiteral("%1%").arg(*v * 100, 0, 'f', 1);
    if (const Series* s = FindSeries(runs[r].report, "remapped_fraction"))
      for (double v : s->v) changes << QStringLiteral("%1%").arg(v * 100, 0, 'f', 1);
    row.figures << (changes.isEmpty() ? QStringLiteral("–") : changes.join(", "));
    if (!keys[r].empty() || !reqs[r].empty()) out.legend.push_back(row);
  }
  auto* x = new QBarCategoryAxis;
  x->setTitleText(QStringLiteral("node"));
  for (const auto& n : nodes) x->append(QString::fromStdString(n));
  auto* y = new QValueAxis;
  y->setTitleText(QStringLiteral("value / per-node mean (1 = ideal)"));
  y->setRange(0, top);
  y->applyNiceNumbers();
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  chart->addSeries(bars);
  bars->attachAxis(x);
  bars->attachAxis(y);
  if (!nodes.empty()) {
    auto* ideal = new QLineSeries;
    ideal->setName(QStringLiteral("ideal (even split)"));
    out.legend.push_back(LegendRow::Mark(QStringLiteral("ideal (even split)"), Qt::black, Qt::DashLine));
    out.legend.back().series = {ideal};
    out.legend.back().figures = {QString(), QString()};
    QPen pen(Qt::black);
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.5);
    ideal->setPen(pen);
    ideal->append(-0.5, 1);
    ideal->append(static_cast<double>(nodes.size()) - 0.5, 1);
    chart->addSeries(ideal);
    ideal->attachAxis(x);
    ideal->attachAxis(y);
  }
  if (nodes.empty()) {
    delete chart;
    out.subtitle = runs.empty() ? QStringLiteral("no run selected") : QStringLiteral("no per-node data in these runs");
    return out;
  }
  out.panes = {chart};
  out.has_data = true;
  out.subtitle = QStringLiteral("1 = the ideal even split; keys moved: fraction remapped by each membership change");
  return out;
}

}  // namespace cachelab::gui
