#include "workloads/trace_loader.h"

#include <algorithm>
#include <cstdint>

#include "sim/machine_memory.h"
#include "sim/progress_meter.h"
#include "workloads/limited_reader.h"
#include "workloads/oracle_general_reader.h"

namespace cachelab {

bool LoadReplayTrace(TraceReader& reader, bool keep_time, eviction::ReplayTrace* out, std::string* error,
                     bool keep_ttl) {
  keep_time |= keep_ttl;
  *out = eviction::ReplayTrace{};
  Request r;
  bool any_next = false;
  // A trace is decoded into memory: stop before the next doubling of the
  // arrays would exceed what is available (an endless stream ends here).
  const double budget = 0.8 * static_cast<double>(AvailableMemory());
  const double per_record = keep_time ? 28 : 20;  // id, size, next access, time
  ProgressMeter meter("reading " + reader.Label(), "requests", [&] { return reader.FractionRead(); });
  while (reader.Next(&r)) {
    meter.Tick(out->ids.size());
    if ((out->ids.size() & 0xFFFFF) == 0 && 2.0 * per_record * static_cast<double>(out->ids.size()) > budget) {
      *error = reader.Label() + ": the trace has more than " + std::to_string(out->ids.size()) + " records, more than " +
               FormatBytes(budget) + " of memory can hold (replay a prefix, e.g. with head -c)";
      return false;
    }
    out->ids.push_back(r.key);
    out->sizes.push_back(r.size);
    out->next.push_back(r.next_access);
    any_next |= r.next_access >= 0;
    if (keep_time) out->time_ms.push_back(r.at / kMillisecond);
    if (keep_ttl) out->ttl_ms.push_back(r.ttl / kMillisecond);
  }
  if (!reader.ok()) {
    *error = reader.error();
    return false;
  }
  meter.Finish(out->ids.size());
  if (!any_next) {
    out->next.clear();  // the format has no next-access field
    out->next.shrink_to_fit();
  }
  return true;
}

bool LoadReplayChunk(TraceReader& reader, size_t max_requests, bool keep_time, bool keep_ttl,
                     eviction::ReplayTrace* out, std::string* error, bool keep_next) {
  keep_time |= keep_ttl;
  out->ids.clear();
  out->sizes.clear();
  out->next.clear();
  out->time_ms.clear();
  out->ttl_ms.clear();
  // replay's LimitedReader without a --duration cut: decode the file's records in batches underneath it.
  TraceReader* batch = &reader;
  size_t left = SIZE_MAX;
  auto* limited = dynamic_cast<LimitedReader*>(&reader);
  if (limited && !(batch = limited->CountLimited(&left))) batch = &reader;
  if (auto* og = dynamic_cast<OracleGeneralReader*>(batch)) {
    og->AppendReplay(std::min(max_requests, left), keep_next, keep_time, keep_ttl, out);
    if (limited) limited->Took(out->size());
  } else {
    Request r;
    while (out->ids.size() < max_requests && reader.Next(&r)) {
      out->ids.push_back(r.key);
      out->sizes.push_back(r.size);
      if (keep_next) out->next.push_back(r.next_access);
      if (keep_time) out->time_ms.push_back(r.at / kMillisecond);
      if (keep_ttl) out->ttl_ms.push_back(r.ttl / kMillisecond);
    }
  }
  if (!reader.ok()) {
    *error = reader.error();
    return false;
  }
  return true;
}

}  // namespace cachelab
