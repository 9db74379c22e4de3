// `cachelab run --backend redis://...`: the experiments on live Redis, paced
// in real time (lab --speedup), one after another: they share the server and
// the key prefix, and each starts from a cold cache.
#pragma once
#include <vector>

#include "cli/live_flags.h"
#include "lab/experiment.h"

namespace cachelab::cli {

// Throws UsageError for a config that cannot be honoured live (before any
// run starts), std::runtime_error when a server cannot be reached.
std::vector<RunReport> RunLiveExperiments(const std::vector<Params>& runs, const LiveFlags& flags,
                                          const ProgressFn& progress);

}  // namespace cachelab::cli
