// Decodes a whole trace into the compact arrays the replay loop runs on, so
// one decode serves every (policy, size) pair.
#pragma once
#include <string>

#include "eviction/replay_trace.h"
#include "workloads/trace_reader.h"

namespace cachelab {

// keep_time: also store request times in ms (for Redis's clock-based policies).
// keep_ttl: also store TTLs in ms, and times (for --use-ttl).
// Returns false with the reader's error (file and record/line) on bad input.
bool LoadReplayTrace(TraceReader& reader, bool keep_time, eviction::ReplayTrace* out, std::string* error,
                     bool keep_ttl = false);

// Streaming: decodes up to max_requests into *out (cleared first; next-access
// kept unless !keep_next, -1 where unknown). An empty chunk means the end.
// Returns false with the reader's error on bad input.
bool LoadReplayChunk(TraceReader& reader, size_t max_requests, bool keep_time, bool keep_ttl,
                     eviction::ReplayTrace* out, std::string* error, bool keep_next = true);

}  // namespace cachelab
