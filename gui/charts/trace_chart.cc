// Trace views, for runs of kind "trace" (`cachelab trace stats`, which stores
// the series read here: rank_frequency, size_histogram, reuse_histogram,
// request_rate or footprint, and the fields zipf.alpha / zipf.r2):
// popularity rank against frequency on log-log axes with the fitted Zipf
// line, the size and reuse-distance histograms (powers-of-two buckets), the
// request rate over the trace's time and, for a trace without times, its
// footprint over its requests: each in a pane of its own, as their x differ.
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cmath>

#include "gui/charts/chart_builders.h"
#include "gui/charts/chart_style.h"
#include "gui/models/summary_lookup.h"

namespace cachelab::gui {
namespace {

struct Pane {
  QChart* chart = nullptr;
  std::vector<std::pair<size_t, QList<QPointF>>> lines;  // run index, points
  double x_lo = 1e300, x_hi = 0, y_lo = 1e300, y_hi = 0;
  void Add(size_t run, QList<QPointF> pts) {
    for (const auto& p : pts) {
      x_lo = std::min(x_lo, p.x());
      x_hi = std::max(x_hi, p.x());
      y_lo = std::min(y_lo, p.y());
      y_hi = std::max(y_hi, p.y());
    }
    if (!pts.isEmpty()) lines.emplace_back(run, std::move(pts));
  }
};

// Points of a series with x = t * x_scale, leaving out what a log axis cannot show.
QList<QPointF> Positive(const Series& s, double x_scale, bool log_x, bool log_y) {
  QList<QPointF> pts;
  for (size_t i = 0; i < s.t.size() && i < s.v.size(); ++i) {
    double x = static_cast<double>(s.t[i]) * x_scale, y = s.v[i];
    if ((log_x && x <= 0) || (log_y && y <= 0) || !std::isfinite(y)) continue;
    pts.append({x, y});
  }
  return pts;
}

}  // namespace

BuiltChart BuildTraceChart(const std::vector<LoadedRun>& runs) {
  BuiltChart out;
  out.name = "trace";
  out.title = QStringLiteral("Trace: popularity, sizes, reuse distances, request rate");
  out.columns = 2;
  out.figure_headers = {QStringLiteral("requests"), QStringLiteral("objects"), QStringLiteral("Zipf α (R²)")};
  Pane rank, size, reuse, rate, footprint;
  std::vector<std::pair<size_t, double>> fits;  // run, alpha
  for (size_t r = 0; r < runs.size(); ++r) {
    const RunReport& rep = runs[r].report;
    const Series* rf = FindSeries(rep, "rank_frequency");
    if (!rf) continue;
    LegendRow row;
    row.ids = {runs[r].id};
    row.name = runs[r].name;
    row.color = RunColor(r);
    row.style = RunStyle(r);
    auto alpha = FieldNumber(rep.fields, "zipf.alpha"), r2 = FieldNumber(rep.fields, "zipf.r2");
    row.figures = {FigureText(FieldNumber(rep.fields, "requests").value_or(NAN)),
                   FigureText(FieldNumber(rep.fields, "unique_objects").value_or(NAN)),
                   alpha ? QStringLiteral("%1 (%2)").arg(*alpha, 0, 'f', 3).arg(r2.value_or(NAN), 0, 'f', 3)
                         : QStringLiteral("–")};
    rank.Add(r, Positive(*rf, 1, true, true));
    if (alpha) fits.emplace_back(r, *alpha);
    QStringList notes;
    if (const Series* s = FindSeries(rep, "size_histogram")) {
      QList<QPointF> pts = Positive(*s, 1, true, true);
      // One bucket is one dot, no curve: said (a trace without sizes counts every object as 1).
      if (pts.size() == 1)
        notes << (pts[0].x() == 1 ? QStringLiteral("all objects size 1")
                                  : QStringLiteral("all sizes in [%1, %2) bytes").arg(pts[0].x()).arg(2 * pts[0].x()));
      size.Add(r, pts);
    }
    if (const Series* s = FindSeries(rep, "reuse_histogram")) reuse.Add(r, Positive(*s, 1, true, true));
    if (const Series* s = FindSeries(rep, "request_rate")) {
      QList<QPointF> pts;
      for (size_t i = 0; i < s->t.size() && i < s->v.size(); ++i) pts.append({ToSeconds(s->t[i]), s->v[i]});
      rate.Add(r, pts);
    } else if (const Series* f = FindSeries(rep, "footprint");
               f && (f->axis == SeriesAxis::kRequests || f->axis == SeriesAxis::kTime)) {
      // Without times t is requests so far; a store older than axes (version 2) read
      // it as time, which only a timed trace's footprint is, and that one has a rate.
      footprint.Add(r, Positive(*f, 1, false, false));
      notes << QStringLiteral("no timestamps: no request rate");
    }
    row.note = notes.join("; ");
    out.legend.push_back(row);
  }
  if (out.legend.empty()) {
    out.subtitle = runs.empty() ? QStringLiteral("no run selected")
                                : QStringLiteral("no trace profile in these runs: `cachelab trace stats FILE` stores one");
    return out;
  }
  struct Spec {
    Pane* pane;
    QString x_title, y_title;
    bool log_x, log_y;
  };
  for (const Spec& sp : {Spec{&rank, QStringLiteral("popularity rank (1 = most requested)"),
                              QStringLiteral("requests"), true, true},
                         Spec{&size, QStringLiteral("request size (bytes, bucket [t, 2t))"), QStringLiteral("requests"),
                              true, true},
                         Spec{&reuse, QStringLiteral("reuse distance (requests)"),
                              QStringLiteral("reuses"), true, true},
                         Spec{&rate, QStringLiteral("trace time (s)"), QStringLiteral("requests / s"), false, false},
                         Spec{&footprint, QStringLiteral("requests so far"), QStringLiteral("distinct objects so far"),
                              false, false}}) {
    Pane& p = *sp.pane;
    if (p.lines.empty()) continue;
    p.chart = NewPane();
    QAbstractAxis* x = sp.log_x ? static_cast<QAbstractAxis*>(NewLogAxis(sp.x_title, p.x_lo, p.x_hi)) : nullptr;
    QAbstractAxis* y = sp.log_y ? static_cast<QAbstractAxis*>(NewLogAxis(sp.y_title, p.y_lo, p.y_hi)) : nullptr;
    if (!x) {
      auto* a = new QValueAxis;
      a->setRange(std::min(p.x_lo, 0.0), p.x_hi > p.x_lo ? p.x_hi : p.x_lo + 1);
      a->applyNiceNumbers();
      a->setLabelFormat("%g");
      a->setTitleText(sp.x_title);
      x = a;
    }
    if (!y) {
      auto* a = new QValueAxis;
      a->setRange(0, p.y_hi > 0 ? p.y_hi * 1.05 : 1);
      a->applyNiceNumbers();
      a->setLabelFormat("%g");
      a->setTitleText(sp.y_title);
      y = a;
    }
    p.chart->addAxis(x, Qt::AlignBottom);
    p.chart->addAxis(y, Qt::AlignLeft);
    for (auto& [r, pts] : p.lines) {
      // A single point draws no line: a dot instead.
      QXYSeries* line = pts.size() == 1 ? static_cast<QXYSeries*>(new QScatterSeries) : new QLineSeries;
      if (auto* dot = qobject_cast<QScatterSeries*>(line)) {
        dot->setColor(RunColor(r));
        dot->setBorderColor(RunColor(r));
        dot->setMarkerSize(10);
      } else {
        line->setPen(RunPen(r));
      }
      line->replace(pts);
      p.chart->addSeries(line);
      line->attachAxis(x);
      line->attachAxis(y);
      for (auto& row : out.legend)
        if (row.ids.front() == runs[r].id) row.series.push_back(line);
    }
    if (&p == &rank)
      for (auto [r, alpha] : fits) {
        // The fitted Zipf line: slope -alpha in log-log, through the points by least squares.
        const auto& pts = std::find_if(p.lines.begin(), p.lines.end(), [r = r](const auto& l) { return l.first == r; })->second;
        double c = 0;
        for (const auto& q : pts) c += std::log10(q.y()) + alpha * std::log10(q.x());
        c /= static_cast<double>(pts.size());
        auto* fit = new QLineSeries;
        fit->setPen(StyledPen(RunColor(r).darker(150), Qt::DashLine, 1.5));
        for (double k : {p.x_lo, p.x_hi}) fit->append(k, std::pow(10, c - alpha * std::log10(k)));
        p.chart->addSeries(fit);
        fit->attachAxis(x);
        fit->attachAxis(y);
        for (auto& row : out.legend)
          if (row.ids.front() == runs[r].id) row.series.push_back(fit);
      }
    out.panes.push_back(p.chart);
  }
  out.has_data = true;
  out.subtitle = QStringLiteral("dashed: the fitted Zipf line (slope −α); histograms in powers-of-two buckets");
  return out;
}

}  // namespace cachelab::gui
