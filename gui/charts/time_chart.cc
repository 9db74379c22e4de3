#include "gui/charts/time_chart.h"

#include <QtCharts/QChart>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "gui/charts/chart_style.h"
#include "gui/charts/event_marks.h"
#include "gui/charts/series_shaping.h"
#include "gui/models/summary_lookup.h"

namespace cachelab::gui {
namespace {

const Series* FirstOf(const RunReport& r, const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (const Series* s = FindSeries(r, n)) return s;
  return nullptr;
}

double FigureOf(const PaneSpec& p, const RunReport& r, const QList<QPointF>& pts, const Series* s) {
  if (!p.figure_field.empty())
    if (auto v = FieldNumber(r.fields, p.figure_field)) return *v * p.scale;
  if (!s || pts.isEmpty()) return NAN;
  if (p.level && p.figure == Figure::kMax) {  // the drawn points leave the partial window out
    double mx = -1e300;
    for (double v : s->v)
      if (std::isfinite(v)) mx = std::max(mx, v * p.scale);
    return mx;
  }
  double sum = 0, mx = -1e300;
  for (const auto& q : pts) {
    sum += q.y();
    mx = std::max(mx, q.y());
  }
  switch (p.figure) {
    case Figure::kMax: return mx;
    case Figure::kLast: return pts.back().y();
    case Figure::kSum: {
      double total = 0;
      for (double v : s->v) total += std::isfinite(v) ? v : 0;
      return total * p.scale;
    }
    case Figure::kMean: break;
  }
  return sum / static_cast<double>(pts.size());
}

QAbstractAxis* NewYAxis(const PaneSpec& p, double lo, double hi) {
  if (p.log_y) return NewLogAxis(p.y_title, lo, hi);
  auto* a = new QValueAxis;
  a->setLabelFormat("%g");
  a->setRange(lo, hi);
  a->applyNiceNumbers();
  a->setTitleText(p.y_title);
  return a;
}

}  // namespace

double ParseBytes(const std::string& text) {
  size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  if (i == 0) return 0;
  double v = std::atof(text.substr(0, i).c_str());
  std::string unit;
  for (char c : text.substr(i))
    if (!std::isspace(static_cast<unsigned char>(c))) unit += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (unit.empty() || unit == "b") return v;
  static const std::pair<const char*, double> kUnits[] = {
      {"k", 1024.0}, {"kb", 1000.0}, {"kib", 1024.0}, {"m", 1048576.0}, {"mb", 1e6}, {"mib", 1048576.0},
      {"g", 1073741824.0}, {"gb", 1e9}, {"gib", 1073741824.0}};
  for (const auto& [u, f] : kUnits)
    if (unit == u) return v * f;
  return 0;
}

std::vector<std::vector<size_t>> IdenticalGroups(const std::vector<LoadedRun>& runs,
                                                 const std::vector<std::vector<std::string>>& names) {
  std::vector<std::vector<size_t>> groups;
  for (size_t r = 0; r < runs.size(); ++r) {
    bool any = false;
    for (const auto& n : names) any |= FirstOf(runs[r].report, n) != nullptr;
    if (!any) continue;
    bool placed = false;
    for (auto& g : groups) {
      bool same = true;
      for (const auto& n : names) {
        const Series* a = FirstOf(runs[g.front()].report, n);
        const Series* b = FirstOf(runs[r].report, n);
        same &= (!a && !b) || (a && b && SameSeries(*a, *b));
      }
      if (same) {
        g.push_back(r);
        placed = true;
        break;
      }
    }
    if (!placed) groups.push_back({r});
  }
  return groups;
}

BuiltChart BuildTimeChart(const TimeChartSpec& spec, const std::vector<LoadedRun>& runs) {
  BuiltChart out;
  out.name = spec.name;
  out.title = spec.title;
  std::vector<std::vector<std::string>> names;
  for (const auto& p : spec.panes) names.push_back(p.series);
  std::vector<std::vector<size_t>> groups = IdenticalGroups(runs, names);
  for (const auto& p : spec.panes)
    if (!p.figure_header.isEmpty()) out.figure_headers << p.figure_header;
  // Legend rows: one per group, in the order of the runs; runs without data get a row saying so.
  for (const auto& g : groups) {
    LegendRow row;
    for (size_t r : g) {
      row.ids.push_back(runs[r].id);
      if (r != g.front()) row.same_names << runs[r].name;
    }
    for (size_t r : g) row.AddPairNote(runs[r].id, runs[r].report);
    row.name = runs[g.front()].name;
    row.color = RunColor(g.front());
    row.style = RunStyle(g.front());
    out.legend.push_back(row);
  }
  QStringList notes, missing, empty_runs;
  for (size_t r = 0; r < runs.size(); ++r) {
    bool in_group = false;
    for (const auto& g : groups) in_group |= std::find(g.begin(), g.end(), r) != g.end();
    if (!in_group) empty_runs << QStringLiteral("#%1").arg(runs[r].id);
  }
  const bool x_is_time = spec.x_axis == SeriesAxis::kTime;
  std::vector<EventMark> events = spec.events && x_is_time ? CollectEvents(runs) : std::vector<EventMark>{};
  QStringList off_axis;
  double window = 0;
  bool dropped = false;
  int max_bin = 1;
  struct Drawn {
    QChart* pane;
    QAbstractAxis* x;
    QAbstractAxis* y;
    double lo, hi;
    bool log;
  };
  std::vector<Drawn> drawn;
  double x_lo = x_is_time ? 0 : 1e300, x_hi = 0;
  for (const auto& p : spec.panes) {
    ShapeOptions o;
    o.scale = p.scale;
    o.x_is_time = x_is_time;
    o.x_scale = spec.x_scale;
    o.cumulative = p.cumulative;
    o.positive_only = p.log_y;
    std::vector<std::pair<size_t, QList<QPointF>>> lines;  // group index, points
    double lo = 1e300, hi = -1e300;
    bool any_series = false, any_nonzero = false, any_off_axis = false;
    for (size_t g = 0; g < groups.size(); ++g) {
      const RunReport& rep = runs[groups[g].front()].report;
      const Series* s = FirstOf(rep, p.series);
      if (s && s->axis != spec.x_axis && (x_is_time || s->axis != SeriesAxis::kTime)) {
        off_axis << QStringLiteral("%1 of #%2 (t = %3)")
                        .arg(QString::fromStdString(s->name))
                        .arg(runs[groups[g].front()].id)
                        .arg(QString::fromUtf8(AxisName(s->axis)));
        s = nullptr;
        any_off_axis = true;
      }
      QList<QPointF> pts;
      if (s) {
        any_series = true;
        ShapedSeries shaped = Shape(*s, o);
        pts = std::move(shaped.points);
        dropped |= shaped.dropped_partial;
        max_bin = std::max(max_bin, shaped.bin);
        if (x_is_time && window == 0) window = WindowSeconds(*s);
      }
      if (!p.figure_header.isEmpty())
        out.legend[g].figures << FigureText(FigureOf(p, rep, pts, s));
      for (const auto& q : pts) {
        lo = std::min(lo, q.y());
        hi = std::max(hi, q.y());
        x_lo = std::min(x_lo, q.x());
        x_hi = std::max(x_hi, q.x());
        any_nonzero |= q.y() != 0;
      }
      if (!pts.isEmpty()) lines.emplace_back(g, std::move(pts));
    }
    QString what = QString::fromStdString(p.series.front());
    if (!any_series) {
      // A series only on another axis is there (the off-axis note says so), not missing.
      if (!p.optional && !any_off_axis) missing << what;
      continue;
    }
    if (lines.empty() || (p.hide_if_all_zero && !any_nonzero)) {
      notes << QStringLiteral("%1 is 0 throughout").arg(what);
      continue;
    }
    // The limit line (e.g. maxmemory) belongs to the data range when it is set.
    std::vector<std::pair<double, std::string>> limits;  // value, as configured
    if (!p.limit_config.empty())
      for (const auto& run : runs) {
        std::string text = run.report.ConfigValue(p.limit_config);
        double b = ParseBytes(text) * p.scale;
        // A cluster's memory is the sum over its nodes, each with its own limit.
        int nodes = std::atoi(run.report.ConfigValue("nodes").c_str());
        if (nodes > 1) {
          b *= nodes;
          text += " x " + std::to_string(nodes) + " nodes";
        }
        bool seen = false;
        for (const auto& l : limits) seen |= l.first == b;
        if (b > 0 && !seen) limits.push_back({b, text});
      }
    for (const auto& l : limits) hi = std::max(hi, l.first);
    // Log only when the data spans a decade: a narrow range on whole decades is a flat line.
    bool log_y = p.log_y && lo > 0 && hi / lo >= 10;
    if (p.log_y && !log_y) {
      double pad = hi > lo ? 0.08 * (hi - lo) : std::max(1.0, 0.05 * hi);
      lo = std::max(0.0, lo - pad);
      hi += pad;
    } else if (!p.log_y) {
      lo = std::isnan(p.y_min) ? std::min(lo, 0.0) : p.y_min;
      hi = std::isnan(p.y_max) ? (hi > lo ? hi + 0.05 * (hi - lo) : lo + 1) : p.y_max;
    }
    QChart* pane = NewPane();
    auto* x = new QValueAxis;
    x->setLabelFormat("%g");
    PaneSpec axis_spec = p;
    axis_spec.log_y = log_y;
    if (p.log_y && !log_y) axis_spec.y_title.replace(QStringLiteral(", log"), QString());
    QAbstractAxis* y = NewYAxis(axis_spec, lo, hi);
    pane->addAxis(x, Qt::AlignBottom);
    pane->addAxis(y, Qt::AlignLeft);
    for (auto& [g, pts] : lines) {
      auto* line = new QLineSeries;
      line->setName(out.legend[g].name);
      line->setPen(StyledPen(out.legend[g].color, out.legend[g].style));
      line->replace(pts);  // in bulk: one repaint, not one per point
      pane->addSeries(line);
      line->attachAxis(x);
      line->attachAxis(y);
      out.legend[g].series.push_back(line);
    }
    for (const auto& [l, text] : limits) {
      auto* line = new QLineSeries;
      line->setName(QString::fromStdString(p.limit_config));
      line->setPen(StyledPen(QColor(180, 0, 0), Qt::DashDotLine, 1.5));
      line->append(x_lo, l);
      line->append(std::max(x_hi, x_lo + 1e-9), l);
      pane->addSeries(line);
      line->attachAxis(x);
      line->attachAxis(y);
      out.legend.push_back(LegendRow::Mark(
          QStringLiteral("%1 = %2").arg(QString::fromStdString(p.limit_config), QString::fromStdString(text)), QColor(180, 0, 0),
          Qt::DashDotLine));
      out.legend.back().series.push_back(line);
      while (out.legend.back().figures.size() < out.figure_headers.size()) out.legend.back().figures << QString();
    }
    out.panes.push_back(pane);
    double y_lo = log_y ? qobject_cast<QLogValueAxis*>(y)->min() : qobject_cast<QValueAxis*>(y)->min();
    double y_hi = log_y ? qobject_cast<QLogValueAxis*>(y)->max() : qobject_cast<QValueAxis*>(y)->max();
    drawn.push_back({pane, x, y, y_lo, y_hi, log_y});
  }
  // One x range for every pane, so times line up; events within it.
  for (const auto& e : events)
    if (e.t_s >= x_hi) x_hi = e.t_s + 0.02 * std::max(e.t_s - x_lo, 1e-9);  // a mark at the edge stays inside
  if (x_lo > x_hi) x_lo = 0;
  for (size_t i = 0; i < drawn.size(); ++i) {
    auto* x = qobject_cast<QValueAxis*>(drawn[i].x);
    x->setRange(x_lo, x_hi > x_lo ? x_hi : x_lo + 1);
    x->applyNiceNumbers();
    if (i + 1 == drawn.size()) x->setTitleText(spec.x_title);
    AddEventMarks(drawn[i].pane, drawn[i].x, drawn[i].y, drawn[i].lo, drawn[i].hi, drawn[i].log, events, &out.legend);
  }
  NameEventRows(events, &out.legend);
  for (auto& row : out.legend)
    while (row.figures.size() < out.figure_headers.size()) row.figures << QString();
  out.has_data = !drawn.empty();
  if (!off_axis.isEmpty())
    notes << QStringLiteral("not drawn, counted on another axis than this chart's %1: %2")
                 .arg(QString::fromUtf8(AxisName(spec.x_axis)), off_axis.join(QStringLiteral(", ")));
  if (x_is_time && window > 0) {
    QString w = QStringLiteral("window %1").arg(DurationText(window));
    if (max_bin > 1) w += QStringLiteral(", drawn as the min and max of every %1 windows (spikes keep their height)").arg(max_bin);
    notes.prepend(w);
  }
  if (dropped) notes << QStringLiteral("partial last window left out");
  if (runs.empty()) notes << QStringLiteral("no run selected");
  out.lacks_some = !missing.isEmpty();
  if (!runs.empty() && !missing.isEmpty()) notes << QStringLiteral("no %1 in these runs").arg(missing.join(", "));
  if (!empty_runs.isEmpty() && empty_runs.size() < static_cast<qsizetype>(runs.size()))
    notes << QStringLiteral("%1 store none of these series").arg(empty_runs.join(", "));
  out.subtitle = notes.join(" · ");
  return out;
}

}  // namespace cachelab::gui
