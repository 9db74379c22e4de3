// A sweep as a grid: a metric's mean (with its 95% CI) over two chosen
// parameters, every other parameter that varies either fixed at a chosen
// value or averaged over (and said so), replications included: a cell is the
// mean over the averaged configurations, each weighted alike, and its CI comes
// from the replications of each configuration (MeanOfGroupsCI95), not from the
// spread between configurations. Cells carry
// the strategy x invalidation matrix mark of their runs ("= cache-aside x
// ttl", "n/a"; results/pair_label.h). What the sweep view and `cachelab plot
// --sweep` draw.
#pragma once
#include <QMap>
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
  QString mark;  // the runs' matrix mark, "... (some runs)" when not all have it; empty: none
  QString note;  // its reason
};

struct Heatmap {
  QString metric, x, y;          // y empty: one row
  QStringList xs, ys;            // values in order of first appearance
  std::vector<std::vector<HeatCell>> cells;  // [row = y value][column = x value]
  QStringList averaged;          // the other varying parameters, averaged over
  QStringList fixed;             // "alpha=0.6": the other parameters held at one value
};

// Parameters that vary among the runs (the seed is replication, not a dimension).
QStringList SweepDimensions(const std::vector<LoadedRun>& runs);
// Numeric summary fields of the runs, in first-seen order (metric choices).
QStringList NumericFields(const std::vector<LoadedRun>& runs);
// The values a parameter takes among the runs, in order of first appearance.
QStringList DimensionValues(const std::vector<LoadedRun>& runs, const QString& dim);
// fixed: parameter -> value; only the runs with those values are in the grid.
Heatmap ComputeHeatmap(const std::vector<LoadedRun>& runs, const QString& metric, const QString& x, const QString& y,
                       const QMap<QString, QString>& fixed = {});

}  // namespace cachelab::gui
