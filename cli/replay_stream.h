// Streaming replay: the trace is decoded in chunks (kReplayChunk requests) on
// a helper thread while every (policy, size) job replays the previous chunk,
// so memory is two chunks plus the caches, whatever the trace's length.
// Belady still needs each record's next-access index (oracleGeneral, lcs);
// it comes with the record, so it streams too.
#pragma once
#include <string>
#include <vector>

#include "cli/replay_jobs.h"
#include "workloads/trace_reader.h"

namespace cachelab::cli {

inline constexpr size_t kReplayChunk = 1 << 20;

// One decoding pass counting the working set (for fraction sizes).
eviction::WorkingSet StreamWorkingSet(TraceReader& reader);

struct StreamSettings {
  bool object_mode = false, keep_time = false, use_ttl = false;
  uint64_t mean_object_bytes = 1;
  unsigned threads = 0;
  eviction::ReplayCuts cuts;  // warm-up and window ends, absolute request indices
};
// Throws UsageError with the reader's error on bad input; *any_next tells
// whether any record carried a next-access index.
std::vector<ReplayOutcome> StreamReplayJobs(TraceReader& reader, const std::vector<ReplayJob>& jobs,
                                            const StreamSettings& s, bool* any_next);

}  // namespace cachelab::cli
