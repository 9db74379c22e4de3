// Runs (policy, cache size) replays of one decoded trace in parallel threads,
// and LRU curves in one stack-distance pass.
#pragma once
#include <string>
#include <vector>

#include "eviction/mrc.h"
#include "eviction/replay.h"

namespace cachelab {

struct ReplayJob {
  std::string policy;
  std::string size_text;  // as given on the command line
  uint64_t capacity = 0;
  eviction::PolicyOptions options;  // --policy-params; capacity is set per job
  std::string admission;            // --admission NAME[:k=v,...]; empty: none
};

// The job's admission filter (nullptr without one), sized for its capacity.
// Throws UsageError on a bad spec (validate it first for a friendlier error).
std::unique_ptr<eviction::Admission> MakeJobAdmission(const ReplayJob& job);

struct ReplayOutcome {
  ReplayJob job;
  eviction::ReplayResult result;
  bool from_stack_distances = false;  // LRU point of a one-pass curve
};

// Results in job order. `threads` 0: all cores. Throws std::runtime_error on
// an unknown policy (validate names first).
std::vector<ReplayOutcome> RunReplayJobs(const eviction::ReplayTrace& trace, const std::vector<ReplayJob>& jobs,
                                         bool object_mode, uint64_t mean_object_bytes, unsigned threads,
                                         bool use_ttl = false, const eviction::ReplayCuts& cuts = {});

// SHARDS estimates from fewer sampled requests than this are refused.
inline constexpr uint64_t kMinShardsSample = 1000;

// LRU at every job's size from one pass (jobs must all be "lru"). Throws
// UsageError when SHARDS sampled fewer than kMinShardsSample requests.
std::vector<ReplayOutcome> LruCurveJobs(const eviction::ReplayTrace& trace, const std::vector<ReplayJob>& jobs,
                                        const eviction::MrcOptions& options);

// Peak resident set of this process so far, in MiB.
double PeakRssMb();

}  // namespace cachelab
