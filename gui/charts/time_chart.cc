#include "gui/charts/time_chart.h"

#include <QtCharts/QLineSeries>
#include <algorithm>

#include "gui/charts/chart_style.h"

namespace cachelab::gui {
namespace {

QList<QPointF> Points(const Series& s, double scale, bool x_is_time, double x_scale) {
  QList<QPointF> pts;
  pts.reserve(static_cast<qsizetype>(s.t.size()));
  for (size_t i = 0; i < s.t.size() && i < s.v.size(); ++i)
    if (std::isfinite(s.v[i]))
      pts.append({x_is_time ? ToSeconds(s.t[i]) : static_cast<double>(s.t[i]) * x_scale, s.v[i] * scale});
  return pts;
}

QValueAxis* NewAxis(const QString& title) {
  auto* axis = new QValueAxis;
  axis->setTitleText(title);
  axis->setLabelFormat("%g");
  return axis;
}

}  // namespace

TimeChart BuildTimeChart(const TimeChartSpec& spec, const std::vector<LoadedRun>& runs) {
  TimeChart tc;
  tc.chart = NewChart(spec.title);
  tc.x = NewAxis(spec.x_title);
  tc.left = NewAxis(spec.left_title);
  QValueAxis* right = spec.right_title.isEmpty() ? nullptr : NewAxis(spec.right_title);
  tc.chart->addAxis(tc.x, Qt::AlignBottom);
  tc.chart->addAxis(tc.left, Qt::AlignLeft);
  if (right) tc.chart->addAxis(right, Qt::AlignRight);
  double x_max = 0, y_max[2] = {0, 0};
  std::vector<std::string> missing;
  for (const auto& spec_line : spec.lines) {
    bool any = false;
    for (size_t r = 0; r < runs.size(); ++r) {
      const Series* s = FindSeries(runs[r].report, spec_line.series);
      if (!s) continue;
      any = true;
      auto* line = new QLineSeries;
      line->setName(spec_line.label.isEmpty() ? runs[r].name : runs[r].name + " " + spec_line.label);
      line->setPen(RunPen(r, spec_line.style));
      QList<QPointF> pts = Points(*s, spec_line.scale, spec.x_is_time, spec.x_scale);
      for (const auto& p : pts) {
        x_max = std::max(x_max, p.x());
        y_max[spec_line.right_axis] = std::max(y_max[spec_line.right_axis], p.y());
      }
      line->replace(pts);  // in bulk: one repaint, not one per point
      tc.chart->addSeries(line);
      line->attachAxis(tc.x);
      line->attachAxis(spec_line.right_axis && right ? right : tc.left);
      ++tc.lines_drawn;
    }
    if (!any) missing.push_back(spec_line.series);
  }
  tc.x->setRange(0, x_max > 0 ? x_max : 1);
  tc.left->setRange(std::isnan(spec.left_min) ? 0 : spec.left_min,
                    std::isnan(spec.left_max) ? (y_max[0] > 0 ? y_max[0] * 1.05 : 1) : spec.left_max);
  if (right) right->setRange(0, y_max[1] > 0 ? y_max[1] * 1.05 : 1);
  for (QValueAxis* axis : {tc.x, tc.left, right})
    if (axis) axis->applyNiceNumbers();
  if (runs.empty()) MarkNoData(tc.chart, QStringLiteral("no run selected"));
  else if (!missing.empty()) {
    QString names;
    for (const auto& m : missing) names += (names.isEmpty() ? "" : ", ") + QString::fromStdString(m);
    MarkNoData(tc.chart, QStringLiteral("no %1 in these runs").arg(names));
  }
  return tc;
}

}  // namespace cachelab::gui
