// The comparison table printed after a sweep: one row per point (the varying
// parameters), one column per metric; with replications, "mean ± 95% CI".
#pragma once
#include <string>
#include <vector>

#include "lab/experiment_file.h"
#include "sim/run_report.h"

namespace cachelab::cli {

// reports[i] belongs to runs[i]; nullptr for a run that has no result (yet).
std::string SweepSummaryTable(const ExperimentFile& file, const std::vector<SweepRun>& runs,
                              const std::vector<const RunReport*>& reports);
std::vector<std::string> SummaryMetrics(const ExperimentFile& file);
// The point's varying parameters, "alpha=0.6 strategy=write-through" (empty if none vary).
std::string PointLabel(const ExperimentFile& file, const Params& params);

}  // namespace cachelab::cli
