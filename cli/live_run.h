// `cachelab run --backend redis://...`: the experiments on live Redis, paced
// in real time (lab --speedup), one after another: they share the server and
// the key prefix, and each starts from a cold cache.
#pragma once
#include <string>
#include <vector>

#include "cli/live_flags.h"
#include "lab/experiment.h"

namespace cachelab::cli {

// Throws UsageError for a config that cannot be honoured live (before any
// run starts), std::runtime_error when a server cannot be reached.
// `keys_left` gets a message per node whose cleanup failed (the runs' results
// stand: the caller prints and stores them, then fails).
std::vector<RunReport> RunLiveExperiments(const std::vector<Params>& runs, const LiveFlags& flags,
                                          const ProgressFn& progress, std::vector<std::string>* keys_left);

}  // namespace cachelab::cli
