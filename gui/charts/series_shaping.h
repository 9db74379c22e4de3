// Turning a stored series into the points a pane draws, honestly: the final
// window of a run is usually partial (the run ended inside it) and is dropped
// rather than drawn as a fall to zero; series longer than a pane has pixels
// are re-binned to each bin's minimum and maximum, so a spike keeps its full
// height (averaging would flatten a 4,000 q/s burst into noise).
#pragma once
#include <QList>
#include <QPointF>

#include "sim/run_report.h"

namespace cachelab::gui {

// The series' window length in seconds: the median spacing of its times (0 if < 2 points).
double WindowSeconds(const Series& s);

struct ShapedSeries {
  QList<QPointF> points;
  bool dropped_partial = false;  // the last window was shorter than the others
  int bin = 1;                   // windows per bin after re-binning (1: none)
};

struct ShapeOptions {
  double scale = 1;        // value multiplier
  bool x_is_time = true;   // false: t is a plain number (cache size), x_scale applies
  double x_scale = 1;
  bool cumulative = false; // running sum (e.g. lost writes so far)
  bool positive_only = false;  // log axes: leave out values <= 0
  int max_points = 600;    // beyond this, min/max re-binning
};

ShapedSeries Shape(const Series& s, const ShapeOptions& o);
// Same times and values (runs that drew the same line).
bool SameSeries(const Series& a, const Series& b);

}  // namespace cachelab::gui
