// Charts of named series over simulated time (or over a plain number, for an
// MRC), overlaying runs: one pane per metric (p50 above p99, memory above
// evictions), each run in its own colour and line style in every pane, axes
// from the data only, the runs' events marked on every pane, and the window
// length, re-binning and anything missing said in the subtitle.
#pragma once
#include <QString>
#include <cmath>
#include <string>
#include <vector>

#include "gui/charts/built_chart.h"
#include "gui/models/loaded_run.h"

namespace cachelab::gui {

enum class Figure { kMean, kMax, kLast, kSum };

struct PaneSpec {
  std::vector<std::string> series;  // the first a run has is drawn
  QString y_title;
  double scale = 1;                 // value multiplier (e.g. bytes -> MiB)
  bool log_y = false;               // when the data spans a decade; else linear over the data's range
  double y_min = NAN, y_max = NAN;  // NAN: from the data (counts and rates start at 0)
  bool cumulative = false;
  bool hide_if_all_zero = false;    // "no evictions" is said, not drawn as a fake 0-1 axis
  bool optional = false;            // only some runs have it (lost writes: write-behind): absence is no gap
  QString figure_header;            // legend column; empty: none
  std::string figure_field;         // summary field for the column, else from the series:
  Figure figure = Figure::kMean;
  bool level = false;               // a level (memory), not a per-window rate: its last, partial window counts too
  std::string limit_config;         // a size parameter drawn as a horizontal line (e.g. "maxmemory")
};

struct TimeChartSpec {
  QString name, title;
  std::vector<PaneSpec> panes;
  QString x_title = QStringLiteral("simulated time (s)");
  // What the x axis counts; a series counted on another axis is not drawn (said in the
  // subtitle), except one read as time from a store older than axes (version 2) on a
  // chart that is no time chart: those were drawn as they are, and still are.
  SeriesAxis x_axis = SeriesAxis::kTime;
  double x_scale = 1;                 // for an axis that is no time: x = t * x_scale
  bool events = true;
};

BuiltChart BuildTimeChart(const TimeChartSpec& spec, const std::vector<LoadedRun>& runs);

// Groups runs whose series (under `names`, all of them) are identical: each
// group lists indexes into runs, first the one drawn. Runs with none of the
// series are left out.
std::vector<std::vector<size_t>> IdenticalGroups(const std::vector<LoadedRun>& runs,
                                                 const std::vector<std::vector<std::string>>& names);
// "32MiB", "1GiB", "1000000", "64mb" -> bytes; 0 if empty or unparsable.
double ParseBytes(const std::string& text);

}  // namespace cachelab::gui
