// A first, streaming pass over a trace that a simulation run needs before it
// starts: the objects (trace keys -> dense lab keys 0..n-1 in order of first
// touch, so per-key state is sized by the trace's keyspace), request count,
// time range and resolution, what the trace carries (times, sizes, clients,
// TTLs, operations), and the few timestamp groups too large for the
// workload's read-ahead. Memory follows the keyspace, not the trace length.
// The pass also checks every record, so a bad trace fails before a run starts.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "eviction/id_map.h"
#include "workloads/trace_format.h"

namespace cachelab {

// Requests the trace workload may hold to find a timestamp group's size.
inline constexpr uint64_t kTraceReadAhead = 4096;

struct TraceIndex {
  std::string path, format;
  uint64_t requests = 0, objects = 0, bad_records = 0;
  uint64_t reads = 0, writes = 0, deletes = 0;  // mapped operations in the whole trace
  eviction::IdMap ids;                          // trace key -> lab key
  std::vector<uint32_t> counts;                 // requests per lab key (popularity)
  SimTime first_at = 0, last_at = 0, max_at = 0;  // last_at: of the last request
  SimTime resolution = kSecond;  // the coarsest of 1s/1ms/1us/1ns dividing every time offset
  bool has_time = false;         // timestamps not all equal
  bool has_sizes = false;        // some size > 1 (txt and size-less csv give 1)
  bool has_clients = false, has_ttl = false;
  // (group ordinal, size) of runs of equal timestamps with >= kTraceReadAhead requests.
  std::vector<std::pair<uint64_t, uint64_t>> big_groups;
};

// Indexes the trace (once per path and options in a process, for the last four
// traces; later calls share the result, so `--strategy all` reads a trace once
// for all its runs). Null
// with *error naming the file and record or line on a bad trace.
std::shared_ptr<const TraceIndex> IndexTrace(const std::string& path, const TraceOpenOptions& options,
                                             std::string* error);

}  // namespace cachelab
