// A sweep as a grid: a metric's mean (with its 95% CI) over two chosen
// parameters, every other parameter that varies averaged over (and said so),
// replications included. What the sweep view and `cachelab plot --sweep` draw.
#pragma once
#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "gui/models/loaded_run.h"
#include "lab/confidence_interval.h"

namespace cachelab::gui {

struct HeatCell {
  std::vector<int64_t> ids;  // the runs averaged into the cell
  Interval value;
};

struct Heatmap {
  QString metric, x, y;          // y empty: one row
  QStringList xs, ys;            // values in order of first appearance
  std::vector<std::vector<HeatCell>> cells;  // [row = y value][column = x value]
  QStringList averaged;          // the other varying parameters, averaged over
};

// Parameters that vary among the runs (the seed is replication, not a dimension).
QStringList SweepDimensions(const std::vector<LoadedRun>& runs);
// Numeric summary fields of the runs, in first-seen order (metric choices).
QStringList NumericFields(const std::vector<LoadedRun>& runs);
Heatmap ComputeHeatmap(const std::vector<LoadedRun>& runs, const QString& metric, const QString& x, const QString& y);

}  // namespace cachelab::gui
