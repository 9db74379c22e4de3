// The summary view: the selected runs' headline metrics as bars, one small
// pane per metric, one bar per point; runs that are replications of a point
// (the same parameters but the seed) make one bar, their mean, with the 95%
// confidence interval drawn as a whisker.
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <iterator>
#include <vector>

#include "gui/charts/chart_builders.h"
#include "gui/charts/chart_style.h"
#include "gui/models/replications.h"

namespace cachelab::gui {
namespace {

struct Metric {
  const char* field;
  const char* title;
  double scale;
};

// Simulated (and live) runs of the strategies.
constexpr Metric kRunMetrics[] = {
    {"hit_ratio", "hit ratio", 1},
    {"latency_us.p99", "p99 latency (µs)", 1},
    {"db_queries", "database queries", 1},
    {"stale_reads", "stale reads", 1},
    {"lost_writes", "lost writes", 1},
    {"memory_bytes_peak", "peak memory (MiB)", 1.0 / (1 << 20)},
};
// Eviction replays (`cachelab replay`): what a policy comparison reads.
constexpr Metric kReplayMetrics[] = {
    {"miss_ratio", "miss ratio", 1},
    {"byte_miss_ratio", "byte miss ratio", 1},
    {"misses", "misses", 1},
    {"throughput_mreq_s", "replay loop speed (M requests/s)", 1},  // per policy; the whole command's is shared
};

// The metrics of the kinds of run selected: a set is shown when some run has
// its first field (replay runs have no hit_ratio, simulated runs no miss_ratio).
std::vector<Metric> MetricsFor(const std::vector<LoadedRun>& runs) {
  auto has = [&](const char* field) {
    return std::any_of(runs.begin(), runs.end(), [&](const LoadedRun& r) { return r.report.Get(field) != nullptr; });
  };
  std::vector<Metric> out;
  const bool replay = has(kReplayMetrics[0].field);
  if (!replay || has(kRunMetrics[0].field)) out.assign(std::begin(kRunMetrics), std::end(kRunMetrics));
  if (replay) out.insert(out.end(), std::begin(kReplayMetrics), std::end(kReplayMetrics));
  return out;
}

}  // namespace

BuiltChart BuildSummaryChart(const std::vector<LoadedRun>& runs) {
  BuiltChart out;
  out.name = "summary";
  out.title = QStringLiteral("Summary: headline metrics of the selected runs");
  out.legend_below = true;
  std::vector<RunGroup> groups = GroupReplications(runs);
  // A bar per run, each labelled: many runs take a wider pane, so fewer panes a row.
  out.columns = groups.size() > 20 ? 1 : groups.size() > 10 ? 2 : 3;
  bool replicated = false;
  for (const auto& g : groups) replicated |= g.members.size() > 1;
  for (size_t g = 0; g < groups.size(); ++g) {
    LegendRow row;
    for (size_t i : groups[g].members) row.ids.push_back(runs[i].id);
    if (!groups[g].members.empty()) row.AddPairNote(row.ids.front(), runs[groups[g].members.front()].report);
    row.name = groups[g].name;
    if (groups[g].members.size() > 1)
      row.name += QStringLiteral(" (%1 replications)").arg(groups[g].members.size());
    row.color = RunColor(g);
    row.fill = RunFill(g);
    out.legend.push_back(row);
  }
  QStringList absent, zero;
  for (const Metric& m : MetricsFor(runs)) {
    std::vector<Interval> iv;
    bool any = false, nonzero = false;
    for (const auto& g : groups) {
      iv.push_back(FieldInterval(runs, g, m.field));
      any |= iv.back().n > 0;
      nonzero |= iv.back().n > 0 && iv.back().mean != 0;
    }
    out.figure_headers << QString::fromUtf8(m.title);
    for (size_t g = 0; g < groups.size(); ++g) out.legend[g].figures << IntervalText(iv[g], m.scale);
    if (!any) {
      absent << QString::fromUtf8(m.title);
      continue;
    }
    if (!nonzero) {  // said, not drawn on a fake 0-1 axis
      zero << QString::fromUtf8(m.title);
      continue;
    }
    QChart* pane = NewPane();
    pane->setTitle(QString::fromUtf8(m.title));
    // A stacked series whose sets are each non-zero at their own point: one bar per point, in its colour.
    auto* bars = new QStackedBarSeries;
    bars->setBarWidth(0.7);
    double hi = 0;
    auto* x = new QBarCategoryAxis;
    for (size_t g = 0; g < groups.size(); ++g) {
      auto* set = new QBarSet(groups[g].name);
      for (size_t k = 0; k < groups.size(); ++k) set->append(k == g && iv[g].n ? iv[g].mean * m.scale : 0);
      StyleRunBars(set, g);
      bars->append(set);
      out.legend[g].bar_sets.push_back(set);
      hi = std::max(hi, (iv[g].mean + iv[g].half_width) * m.scale);
      x->append(QStringLiteral("#%1").arg(runs[groups[g].members.front()].id));
    }
    if (groups.size() > 10) x->setLabelsAngle(-90);  // "#12" across a bar's width would not fit
    pane->addSeries(bars);
    auto* y = new QValueAxis;
    y->setLabelFormat("%g");
    y->setRange(0, hi > 0 ? hi * 1.1 : 1);
    y->applyNiceNumbers();
    pane->addAxis(x, Qt::AlignBottom);
    pane->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(y);
    for (size_t g = 0; g < groups.size(); ++g) {
      if (iv[g].n < 2 || iv[g].half_width <= 0) continue;
      auto* whisker = new QLineSeries;  // the 95% CI of the mean
      whisker->setPen(StyledPen(Qt::black, Qt::SolidLine, 2));
      whisker->append(static_cast<double>(g), (iv[g].mean - iv[g].half_width) * m.scale);
      whisker->append(static_cast<double>(g), (iv[g].mean + iv[g].half_width) * m.scale);
      pane->addSeries(whisker);
      whisker->attachAxis(x);
      whisker->attachAxis(y);
      out.legend[g].series.push_back(whisker);
    }
    out.panes.push_back(pane);
  }
  out.has_data = !out.panes.empty();
  if (runs.empty()) out.subtitle = QStringLiteral("no run selected");
  else if (replicated) out.subtitle = QStringLiteral("bars: mean of the replications; whiskers: 95% confidence interval (Student's t)");
  else out.subtitle = QStringLiteral("one bar per run; replications (same parameters, other seeds) would show a 95% CI");
  if (!runs.empty() && !zero.isEmpty()) out.subtitle += QStringLiteral(" · 0 in every run: ") + zero.join(", ");
  if (!runs.empty() && !absent.isEmpty()) out.subtitle += QStringLiteral(" · not in these runs: ") + absent.join(", ");
  return out;
}

}  // namespace cachelab::gui
