// Database load over time with the run's events (expiry waves, node churn)
// drawn as vertical marks, one legend entry per event kind.
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <map>
#include <set>

#include "gui/charts/chart_builders.h"
#include "gui/charts/time_chart.h"

namespace cachelab::gui {
namespace {

constexpr size_t kMaxEventMarks = 200;  // beyond this, marks are noise

}  // namespace

QChart* BuildStampedeChart(const std::vector<LoadedRun>& runs) {
  TimeChartSpec spec;
  spec.title = QStringLiteral("Stampede load: database queries");
  spec.left_title = QStringLiteral("database queries per second");
  spec.lines = {{"db_queries_per_s", {}}};
  TimeChart tc = BuildTimeChart(spec, runs);
  double top = tc.left->max() * 0.97;  // markers just inside the plot, not clipped by its edge
  std::map<std::string, QScatterSeries*> by_kind;
  std::set<std::pair<SimTime, std::string>> drawn;  // compared runs often share their events
  for (const auto& run : runs)
    for (const auto& e : run.report.events) {
      if (drawn.size() >= kMaxEventMarks || !drawn.insert({e.t, e.kind}).second) continue;
      double x = ToSeconds(e.t);
      auto*& kind = by_kind[e.kind];
      if (!kind) {
        kind = new QScatterSeries;
        kind->setName(QStringLiteral("event: ") + QString::fromStdString(e.kind));
        kind->setMarkerSize(12);
        kind->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
      }
      kind->append(x, top);
      auto* mark = new QLineSeries;
      QPen pen(QColor(90, 90, 90));
      pen.setStyle(Qt::DashDotLine);
      mark->setPen(pen);
      mark->append(x, 0);
      mark->append(x, top);
      tc.chart->addSeries(mark);
      mark->attachAxis(tc.x);
      mark->attachAxis(tc.left);
      for (auto* m : tc.chart->legend()->markers(mark)) m->setVisible(false);
      if (x > tc.x->max()) tc.x->setMax(x);
    }
  for (auto& [name, s] : by_kind) {
    tc.chart->addSeries(s);
    s->attachAxis(tc.x);
    s->attachAxis(tc.left);
  }
  return tc.chart;
}

}  // namespace cachelab::gui
