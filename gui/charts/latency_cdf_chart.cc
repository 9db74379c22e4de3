// The whole run's latency distribution as a CDF on a log axis: the fraction
// of requests at or under each latency, read from the stored histogram.
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cmath>

#include "gui/charts/chart_builders.h"
#include "gui/charts/chart_style.h"
#include "gui/models/summary_lookup.h"

namespace cachelab::gui {
namespace {

const HistogramData* FindHistogram(const RunReport& r, const std::string& name) {
  for (const auto& h : r.histograms)
    if (h.name == name) return &h;
  return nullptr;
}

}  // namespace

BuiltChart BuildLatencyCdfChart(const std::vector<LoadedRun>& runs) {
  BuiltChart out;
  out.name = "latency-cdf";
  out.title = QStringLiteral("Latency distribution (CDF, whole run)");
  out.figure_headers = {QStringLiteral("p50 µs"), QStringLiteral("p99 µs"), QStringLiteral("p99.9 µs")};
  QChart* chart = NewPane();
  auto* x = new QLogValueAxis;
  x->setTitleText(QStringLiteral("latency (µs, log scale)"));
  x->setBase(10);
  x->setLabelFormat("%g");
  x->setMinorTickCount(-1);
  auto* y = new QValueAxis;
  y->setTitleText(QStringLiteral("fraction of requests ≤ latency"));
  y->setRange(0, 1);
  y->setTickCount(6);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  double lo = 1e300, hi = 0;
  int drawn = 0;
  for (size_t r = 0; r < runs.size(); ++r) {
    const HistogramData* h = FindHistogram(runs[r].report, "latency_ns");
    if (!h || h->buckets.empty()) continue;
    double total = 0;
    for (const auto& b : h->buckets) total += static_cast<double>(b.count);
    QList<QPointF> pts;
    double seen = 0;
    for (const auto& b : h->buckets) {
      double upper_us = std::max(b.upper / 1000.0, 1e-3);  // ns -> us; log axes need > 0
      if (pts.isEmpty()) pts.append({std::max(b.lower / 1000.0, 1e-3), 0});
      seen += static_cast<double>(b.count);
      pts.append({upper_us, seen / total});
      lo = std::min(lo, pts.front().x());
      hi = std::max(hi, upper_us);
    }
    auto* line = new QLineSeries;
    line->setName(runs[r].name);
    line->setPen(RunPen(r));
    LegendRow row;
    row.ids = {runs[r].id};
    row.name = runs[r].name;
    row.color = RunColor(r);
    row.style = RunStyle(r);
    row.series = {line};
    row.AddPairNote(runs[r].id, runs[r].report);
    for (const char* f : {"latency_us.p50", "latency_us.p99", "latency_us.p999"}) {
      auto v = FieldNumber(runs[r].report.fields, f);
      row.figures << (v ? FigureText(*v) : QStringLiteral("–"));
    }
    out.legend.push_back(row);
    line->replace(pts);
    chart->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    ++drawn;
  }
  // Whole decades, so the log axis has labelled ticks at both ends.
  if (drawn) {
    x->setRange(std::pow(10, std::floor(std::log10(lo))), std::pow(10, std::ceil(std::log10(hi))));
    out.panes = {chart};
    out.has_data = true;
  } else {
    delete chart;
    out.subtitle = runs.empty() ? QStringLiteral("no run selected") : QStringLiteral("no latency_ns histogram in these runs");
  }
  return out;
}

}  // namespace cachelab::gui
