// Identity of a run, for resumable sweeps and duplicate-free merges.
// A simulated run's key is a hash of its canonical parameter set (every
// parameter, in registry order, including the seed): the same point of a sweep
// has the same key on any machine, and `cachelab run` with the same flags
// computes the same key from its stored config.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "sim/run_report.h"

namespace cachelab {

std::string RunKeyOf(const std::vector<std::pair<std::string, std::string>>& config);
// The key to deduplicate by: run_key if set; for a keyless "run", RunKeyOf its
// config; otherwise a hash of its content (kind, label, seed, config, fields
// but the wall-clock ones).
std::string DedupKeyOf(const RunReport& r);

}  // namespace cachelab
