// Replays a decoded trace through a CommandSink as a cache would see it: each
// request a GET, and on a miss a SET of a value of the request's size. GETs go
// out in batches of `depth`; the SETs for a batch's misses travel at the head
// of the next batch, so every batch is one round trip. (A key requested twice
// within one batch after a miss therefore misses twice; depth 1 replays
// strictly one request after another.)
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "eviction/replay_trace.h"
#include "live/command_sink.h"
#include "sim/run_report.h"

namespace cachelab::live {

struct PipelinedReplayConfig {
  size_t depth = 128;
  std::string prefix = "cachelab:";
  bool record_batch_times = false;  // keep each batch's wall time (unix ms) for a StoreSink
};

struct PipelinedReplayResult {
  uint64_t requests = 0, hits = 0, misses = 0;
  uint64_t requested_bytes = 0, miss_bytes = 0, skipped_zero_size = 0;
  uint64_t sets = 0, rejected = 0;       // rejected: error replies (e.g. OOM)
  uint64_t failed_gets = 0, failed_sets = 0;  // no answer: node down or timed out
  double first_failure_s = -1, last_failure_s = -1;
  double seconds = 0;
  std::vector<int64_t> batch_ms;

  uint64_t failed() const { return failed_gets + failed_sets; }
  double miss_ratio() const { return requests ? static_cast<double>(misses) / requests : 0; }
  // The fields the simulated replay reports, plus the live ones.
  void Report(RunReport* r) const;
};

PipelinedReplayResult PipelinedReplay(const eviction::ReplayTrace& trace, CommandSink& sink,
                                      const PipelinedReplayConfig& config);

}  // namespace cachelab::live
