// Runs that are replications of one point (the same parameters but the seed)
// grouped, and a metric's mean with its 95% confidence interval over each group
// (Student's t, lab/confidence_interval): what the summary and sweep views show.
#pragma once
#include <QString>
#include <string>
#include <vector>

#include "gui/models/loaded_run.h"
#include "lab/confidence_interval.h"
#include "results/result_store.h"

namespace cachelab::gui {

struct RunGroup {
  std::vector<size_t> members;  // indexes into the runs given, in order
  QString name;                 // from what varies among the groups (the seed never counts)
};

// Groups in order of their first run; names from the parameters that vary among them.
std::vector<RunGroup> GroupReplications(const std::vector<LoadedRun>& runs);
// Mean and 95% CI of a summary field over a group's runs (n = runs that have it).
Interval FieldInterval(const std::vector<LoadedRun>& runs, const RunGroup& g, const std::string& field);
// "0.812 ± 0.004" (n > 1), "0.812" (one run), "–" (none).
QString IntervalText(const Interval& i, double scale = 1);

}  // namespace cachelab::gui
