// Ring balance: keys and requests per node as bars, each divided by the
// per-node mean, so the ideal even split is the line at 1. Reads per-node
// numbers by name, from fields or from the last point of series:
//   keys_per_node.<node>, requests_per_node.<node>   (or ring.keys.<node>, ring.requests.<node>)
// and, when the run has it, the series remapped_fraction (shown in the title).
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <map>

#include "gui/charts/chart_builders.h"
#include "gui/charts/chart_style.h"
#include "gui/models/summary_lookup.h"

namespace cachelab::gui {
namespace {

// node -> value for every field or series named <prefix><node>.
std::map<std::string, double> PerNode(const RunReport& r, const std::vector<std::string>& prefixes) {
  std::map<std::string, double> out;
  auto take = [&](const std::string& name, double v) {
    for (const auto& p : prefixes)
      if (name.size() > p.size() && name.compare(0, p.size(), p) == 0) out[name.substr(p.size())] = v;
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

QChart* BuildRingChart(const std::vector<LoadedRun>& runs) {
  QChart* chart = NewChart(QStringLiteral("Ring balance: share of the even split per node"));
  std::vector<std::map<std::string, double>> keys, reqs;
  std::vector<std::string> nodes;
  for (const auto& run : runs) {
    keys.push_back(PerNode(run.report, {"keys_per_node.", "ring.keys."}));
    reqs.push_back(PerNode(run.report, {"requests_per_node.", "ring.requests."}));
    for (const auto* m : {&keys.back(), &reqs.back()})
      for (const auto& [n, v] : *m)
        if (std::find(nodes.begin(), nodes.end(), n) == nodes.end()) nodes.push_back(n);
  }
  auto* bars = new QBarSeries;
  double top = 1.2;
  QString remapped;
  for (size_t r = 0; r < runs.size(); ++r) {
    for (auto [values, what, alpha] : {std::tuple{&keys[r], "keys", 255}, std::tuple{&reqs[r], "requests", 130}}) {
      if (values->empty()) continue;
      QBarSet* set = ShareSet(runs[r].name + " " + what, *values, nodes);
      QColor c = RunColor(r);
      c.setAlpha(alpha);
      set->setColor(c);
      set->setBorderColor(RunColor(r));
      for (int i = 0; i < set->count(); ++i) top = std::max(top, set->at(i) * 1.1);
      bars->append(set);
    }
    if (const Series* s = FindSeries(runs[r].report, "remapped_fraction"); s && !s->v.empty())
      remapped += QStringLiteral(" %1: %2% remapped").arg(runs[r].name).arg(s->v.back() * 100, 0, 'f', 1);
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
  if (!remapped.isEmpty()) chart->setTitle(chart->title() + " —" + remapped);
  if (nodes.empty())
    MarkNoData(chart, runs.empty() ? QStringLiteral("no run selected") : QStringLiteral("no per-node data in these runs"));
  return chart;
}

}  // namespace cachelab::gui
