// Several experiments at once: "all" and comma lists in the comparison
// parameters (strategy, ...) expand into one run each; runs execute on
// worker threads, each isolated, and come back in expansion order, so the
// output does not depend on --jobs.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "lab/experiment.h"
#include "lab/params.h"

namespace cachelab {

// A parameter whose value may be "all" or a list, meaning "compare these".
struct ComparisonParam {
  std::string name;
  std::function<std::vector<std::string>()> all_values;
};
const std::vector<ComparisonParam>& ComparisonParams();

// One Params per combination (Cartesian product, first parameter outermost).
std::vector<Params> ExpandComparisons(const Params& params);

// Runs them on `jobs` threads (0: hardware concurrency). Throws the first
// error (e.g. ParamError) after all workers stop. Callers that must fail
// before anything runs call ValidateParams on each first (the CLI and demos do).
std::vector<RunReport> RunBatch(const std::vector<Params>& runs, unsigned jobs,
                                const std::function<void(uint64_t done, uint64_t total)>& progress = {});

// Parses and checks parameters by building the run and running one request
// (throws ParamError); returns that probe's report (its field names).
// `live`: the values are cached on a live server, not in this process.
RunReport ValidateParams(const Params& params, bool live = false);

}  // namespace cachelab
