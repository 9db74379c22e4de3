// The comparison table printed after a sweep: one row per point (the varying
// parameters), one column per metric; with replications, "mean ± 95% CI".
// A point whose (strategy, invalidation) cell is identical by construction to
// another, or does less than its name says, gets a note column saying so
// (strategies/pair_semantics.h); so does a point whose p50 latency is over 3x
// that of cache-aside x ttl at the same other parameters, with the reason
// when it is that fewer than half of the requests were cache hits. In the
// table, a point equal by construction to another point of the sweep whose
// numbers are indeed identical shows "=" instead of repeating them.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lab/confidence_interval.h"
#include "lab/experiment_file.h"
#include "sim/run_report.h"

namespace cachelab::cli {

// One point of the sweep: its varying parameters and, per summary metric,
// the mean and 95% interval over the replications that have results.
struct PointSummary {
  struct Metric {
    std::string name;
    bool present;
    Interval ci;
  };
  std::vector<std::pair<std::string, std::string>> axes;
  size_t runs = 0;
  std::vector<Metric> metrics;
  std::string note;  // the runs' "pair_note" ("= cache-aside x ttl: ...", "n/a: ..."), the p50 flag; empty if none
  std::string cell;     // "strategy x invalidation" of the point
  std::string same_as;  // the runs' "pair_same_as": the cell this one equals by construction
  std::string others;   // the other varying parameters ("alpha=0.6 "), to find that cell's point
};

// reports[i] belongs to runs[i]; nullptr for a run that has no result (yet).
std::vector<PointSummary> SummarizePoints(const ExperimentFile& file, const std::vector<SweepRun>& runs,
                                          const std::vector<const RunReport*>& reports);
// The same as JSON: [{"point": {...}, "runs": n, "metrics": {"hit_ratio": {"mean", "ci95_half_width", "n"}}}],
// plus "note" on points that have one.
nlohmann::ordered_json SweepSummaryJson(const ExperimentFile& file, const std::vector<SweepRun>& runs,
                                        const std::vector<const RunReport*>& reports);
std::string SweepSummaryTable(const ExperimentFile& file, const std::vector<SweepRun>& runs,
                              const std::vector<const RunReport*>& reports);
std::vector<std::string> SummaryMetrics(const ExperimentFile& file);
// The point's varying parameters, "alpha=0.6 strategy=write-through" (empty if none vary).
std::string PointLabel(const ExperimentFile& file, const Params& params);

}  // namespace cachelab::cli
