// Line charts of named series over simulated time, overlaying runs: each run
// keeps its colour, each metric of a run its pen style. Series a run lacks are
// skipped; a chart where no run has any says so in its title.
#pragma once
#include <QString>
#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <cmath>
#include <string>
#include <vector>

#include "gui/models/loaded_run.h"

namespace cachelab::gui {

struct LineSpec {
  std::string series;  // series name in the report
  QString label;       // legend suffix, e.g. "p99" (empty: the run name alone)
  Qt::PenStyle style = Qt::SolidLine;
  double scale = 1;    // value multiplier (e.g. bytes -> MiB)
  bool right_axis = false;
};

struct TimeChartSpec {
  QString title, x_title = QStringLiteral("simulated time (s)"), left_title, right_title;
  std::vector<LineSpec> lines;
  double left_min = NAN, left_max = NAN;  // NAN: from the data
  bool x_is_time = true;                  // false: t is a plain number (e.g. cache size for an MRC)
  double x_scale = 1;                     // for plain-number x (e.g. bytes -> MiB)
};

struct TimeChart {
  QChart* chart = nullptr;
  QValueAxis* x = nullptr;
  QValueAxis* left = nullptr;
  int lines_drawn = 0;
};

TimeChart BuildTimeChart(const TimeChartSpec& spec, const std::vector<LoadedRun>& runs);

}  // namespace cachelab::gui
