#include "gui/charts/event_marks.h"

#include <QCursor>
#include <QToolTip>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "gui/charts/chart_style.h"

namespace cachelab::gui {
namespace {

constexpr size_t kMaxEventMarks = 200;  // beyond this, marks are noise

LegendRow* RowOf(const QString& kind, std::vector<LegendRow>* legend) {
  for (auto& row : *legend)
    if (row.is_event && row.name.startsWith(kind + ":")) return &row;
  return nullptr;
}

}  // namespace

QString EventLabel(const std::string& kind) {
  // `replay` stores measurement_start, `run` measurement-start: both end the warm-up.
  if (kind == "measurement_start" || kind == "measurement-start") return QStringLiteral("warm-up end");
  return QString::fromStdString(kind);
}

std::vector<EventMark> CollectEvents(const std::vector<LoadedRun>& runs) {
  std::vector<EventMark> out;
  std::set<std::pair<SimTime, std::string>> seen;  // compared runs often share their events
  for (const auto& run : runs)
    for (const auto& e : run.report.events) {
      if (e.axis != SeriesAxis::kTime) continue;  // a request number (untimed replay) has no place on a time axis
      if (out.size() >= kMaxEventMarks || !seen.insert({e.t, e.kind}).second) continue;
      QString kind = EventLabel(e.kind);
      QString text = QStringLiteral("%1 at %2").arg(kind, DurationText(ToSeconds(e.t)));
      if (!e.detail.empty()) text += ": " + QString::fromStdString(e.detail);
      if (run.id > 0) text = QStringLiteral("#%1 ").arg(run.id) + text;
      out.push_back({ToSeconds(e.t), kind, text});
    }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.t_s < b.t_s; });
  return out;
}

void AddEventMarks(QChart* pane, QAbstractAxis* x, QAbstractAxis* y, double y_lo, double y_hi, bool log_y,
                   const std::vector<EventMark>& events, std::vector<LegendRow>* legend) {
  if (events.empty()) return;
  double x_span = 1;
  if (auto* vx = qobject_cast<QValueAxis*>(x)) x_span = std::max(vx->max() - vx->min(), 1e-9);
  std::map<QString, QScatterSeries*> markers;
  auto texts = std::make_shared<std::vector<std::pair<QPointF, QString>>>();
  double prev_t = -1e300;
  int stack = 0;
  for (const auto& e : events) {
    // Events closer than a marker's width share a column: stack them downwards.
    stack = e.t_s - prev_t < 0.012 * x_span ? stack + 1 : 0;
    if (stack == 0) prev_t = e.t_s;
    double top = log_y ? y_hi / std::pow(1.35, stack + 0.3) : y_hi - (stack + 0.5) * 0.07 * (y_hi - y_lo);
    QColor color = EventColor(e.kind);
    LegendRow* row = RowOf(e.kind, legend);
    if (!row) {
      legend->push_back(LegendRow::Mark(e.kind + ":", color, Qt::DashLine));
      row = &legend->back();
    }
    if (stack == 0) {
      auto* line = new QLineSeries;
      QPen pen(color);
      pen.setStyle(Qt::DashLine);
      pen.setWidthF(1.2);
      line->setPen(pen);
      line->append(e.t_s, y_lo);
      line->append(e.t_s, y_hi);
      pane->addSeries(line);
      line->attachAxis(x);
      line->attachAxis(y);
      row->series.push_back(line);
    }
    QScatterSeries*& m = markers[e.kind];
    if (!m) {
      m = new QScatterSeries;
      m->setName(e.kind);
      m->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
      m->setMarkerSize(11);
      m->setColor(color);
      m->setBorderColor(color.darker(130));
      QObject::connect(m, &QScatterSeries::hovered, m, [texts](const QPointF& p, bool state) {
        if (!state) return QToolTip::hideText();
        for (const auto& [at, text] : *texts)
          if (at == p) return QToolTip::showText(QCursor::pos(), text);
      });
      row->series.push_back(m);
    }
    m->append(e.t_s, top);
    texts->push_back({{e.t_s, top}, e.text});
  }
  for (auto& [kind, m] : markers) {
    pane->addSeries(m);
    m->attachAxis(x);
    m->attachAxis(y);
  }
}

void NameEventRows(const std::vector<EventMark>& events, std::vector<LegendRow>* legend) {
  constexpr int kTimesShown = 6;
  for (auto& row : *legend) {
    if (!row.is_event || !row.name.endsWith(':')) continue;  // not an event kind (e.g. a limit line)
    QString kind = row.name.section(':', 0, 0);
    QStringList times;
    int n = 0;
    for (const auto& e : events)
      if (e.kind == kind && n++ < kTimesShown) times << DurationText(e.t_s);
    row.name = kind + ": " + times.join(", ") + (n > kTimesShown ? QStringLiteral(" … (%1 in all)").arg(n) : QString());
  }
}

}  // namespace cachelab::gui
