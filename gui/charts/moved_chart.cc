// Keys moved by each membership change (fields churn.<k>.remapped, .ideal,
// .kind, .t_s, as `cachelab run --churn` stores them): one group of bars per
// change, one bar per run, and the ideal (w/(W+w) on an add) as a dashed mark
// across the group. Modulo's 80% against the ring's 19% beside an ideal 20%.
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>

#include "gui/charts/chart_builders.h"
#include "gui/charts/chart_style.h"
#include "gui/models/demo_invocations.h"
#include "gui/models/summary_lookup.h"

namespace cachelab::gui {

BuiltChart BuildMovedChart(const std::vector<LoadedRun>& runs) {
  BuiltChart out;
  out.name = "moved";
  out.title = QStringLiteral("Keys moved by each membership change, against the ideal");
  out.figure_headers = {QStringLiteral("keys moved"), QStringLiteral("ideal")};
  int changes = 0;
  for (const auto& r : runs)
    while (FieldNumber(r.report.fields, "churn." + std::to_string(changes) + ".remapped")) ++changes;
  if (changes == 0) {
    out.subtitle = runs.empty() ? QStringLiteral("no run selected")
                                : QStringLiteral("no membership changes in these runs (churn.<k>.remapped)");
    return out;
  }
  QChart* pane = NewPane();
  auto* bars = new QBarSeries;
  auto* x = new QBarCategoryAxis;
  for (int k = 0; k < changes; ++k) {
    std::string p = "churn." + std::to_string(k) + ".";
    QString kind = runs.empty() ? QString() : FieldText(runs.front().report.fields, p + "kind");
    auto t = runs.empty() ? std::nullopt : FieldNumber(runs.front().report.fields, p + "t_s");
    x->append(QStringLiteral("%1 at %2 s").arg(kind.isEmpty() ? QStringLiteral("change %1").arg(k) : kind)
                  .arg(t ? *t : 0));
  }
  std::vector<double> ideal(static_cast<size_t>(changes), -1);
  for (size_t r = 0; r < runs.size(); ++r) {
    auto* set = new QBarSet(runs[r].name);
    StyleRunBars(set, r);
    LegendRow row;
    row.ids = {runs[r].id};
    row.name = runs[r].name;
    row.color = RunColor(r);
    row.fill = RunFill(r);
    QStringList moved, ideals;
    for (int k = 0; k < changes; ++k) {
      std::string p = "churn." + std::to_string(k) + ".";
      auto v = FieldNumber(runs[r].report.fields, p + "remapped");
      auto i = FieldNumber(runs[r].report.fields, p + "ideal");
      set->append(v ? *v * 100 : 0);
      moved << (v ? QStringLiteral("%1%").arg(*v * 100, 0, 'f', 1) : QStringLiteral("–"));
      ideals << (i ? QStringLiteral("%1%").arg(*i * 100, 0, 'f', 1) : QStringLiteral("–"));
      if (i) ideal[static_cast<size_t>(k)] = *i * 100;
    }
    row.figures = {moved.join(", "), ideals.join(", ")};
    bars->append(set);
    row.bar_sets.push_back(set);
    out.legend.push_back(row);
  }
  pane->addSeries(bars);
  auto* y = new QValueAxis;
  y->setTitleText(QStringLiteral("keys moved to another node (%)"));
  y->setRange(0, 100);
  y->setLabelFormat("%g");
  pane->addAxis(x, Qt::AlignBottom);
  pane->addAxis(y, Qt::AlignLeft);
  bars->attachAxis(x);
  bars->attachAxis(y);
  LegendRow ideal_row = LegendRow::Mark(QStringLiteral("ideal: the new node's share"), Qt::black, Qt::DashLine);
  for (int k = 0; k < changes; ++k) {
    if (ideal[static_cast<size_t>(k)] < 0) continue;
    auto* line = new QLineSeries;
    line->setPen(StyledPen(Qt::black, Qt::DashLine, 2));
    line->append(k - 0.45, ideal[static_cast<size_t>(k)]);
    line->append(k + 0.45, ideal[static_cast<size_t>(k)]);
    pane->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    ideal_row.series.push_back(line);
  }
  ideal_row.figures = {QString(), QString()};
  out.legend.push_back(ideal_row);
  out.panes = {pane};
  out.has_data = true;
  out.subtitle = QStringLiteral("measured on a sample of workload keys; ideal = w/(W+w) when a node of weight w joins W");
  return out;
}

}  // namespace cachelab::gui
