#include "workloads/trace_index.h"

#include <algorithm>

#include "sim/progress_meter.h"
#include "workloads/file_memo.h"
#include "workloads/prefetch_ahead.h"

namespace cachelab {
namespace {

std::shared_ptr<TraceIndex> Build(const std::string& path, const TraceOpenOptions& options, std::string* error) {
  std::unique_ptr<FileTraceReader> reader = OpenTrace(path, options, error);
  if (!reader) return nullptr;
  auto x = std::make_shared<TraceIndex>();
  x->path = path;
  x->format = reader->Name();
  bool s = true, ms = true, us = true;  // every offset divisible by the unit
  uint64_t group = 0, group_len = 0;
  auto close_group = [&] {
    if (group_len >= kTraceReadAhead) x->big_groups.emplace_back(group, group_len);
  };
  PrefetchAhead ahead(*reader, x->ids);
  ProgressMeter meter("indexing " + path, "requests", [&] { return reader->FractionRead(); });
  Request r;
  while (ahead.Next(&r)) {
    meter.Tick(x->requests);
    if (x->requests == 0) {
      x->first_at = x->last_at = x->max_at = r.at;
      group_len = 1;
    } else if (r.at == x->last_at) {
      ++group_len;
    } else {
      close_group();
      ++group;
      group_len = 1;
      x->last_at = r.at;
    }
    x->max_at = std::max(x->max_at, r.at);
    SimTime off = r.at >= x->first_at ? r.at - x->first_at : x->first_at - r.at;
    s = s && off % kSecond == 0;
    ms = ms && off % kMillisecond == 0;
    us = us && off % kMicrosecond == 0;
    x->has_time |= off != 0;
    uint32_t id = x->ids.Find(r.key);
    if (id == eviction::IdMap::kNone) {
      if (x->objects >= eviction::IdMap::kNone - 1) {
        *error = path + ": more than 4 billion distinct objects";
        return nullptr;
      }
      id = static_cast<uint32_t>(x->objects++);
      x->ids.Put(r.key, id);
      x->counts.push_back(0);
    }
    ++x->counts[id];
    ++x->requests;
    x->has_sizes |= r.size > 1;
    x->has_clients |= r.client != 0;
    x->has_ttl |= r.ttl > 0;
    switch (r.op) {
      case Op::kGet: ++x->reads; break;
      case Op::kSet: ++x->writes; break;
      case Op::kDelete: ++x->deletes; break;
    }
  }
  close_group();
  if (!reader->ok()) {
    *error = reader->error();
    return nullptr;
  }
  if (x->requests == 0) {
    *error = path + ": the trace has no requests";
    return nullptr;
  }
  meter.Finish(x->requests);
  x->bad_records = reader->bad_records();
  x->resolution = s ? kSecond : ms ? kMillisecond : us ? kMicrosecond : 1;
  return x;
}

}  // namespace

std::shared_ptr<const TraceIndex> IndexTrace(const std::string& path, const TraceOpenOptions& options,
                                             std::string* error) {
  // One index per (file, format, spec, skip-bad): parallel runs of one
  // comparison wait for the same index.
  static FileMemo<TraceIndex> memo(4);
  return memo.Get(path, options.format + '\n' + options.csv_spec + '\n' + (options.skip_bad ? "1" : "0"),
                  [&] { return Build(path, options, error); });
}

}  // namespace cachelab
