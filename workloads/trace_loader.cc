#include "workloads/trace_loader.h"

#include "sim/machine_memory.h"

namespace cachelab {

bool LoadReplayTrace(TraceReader& reader, bool keep_time, eviction::ReplayTrace* out, std::string* error) {
  *out = eviction::ReplayTrace{};
  Request r;
  bool any_next = false;
  // A trace is decoded into memory: stop before the next doubling of the
  // arrays would exceed what is available (an endless stream ends here).
  const double budget = 0.8 * static_cast<double>(AvailableMemory());
  const double per_record = keep_time ? 28 : 20;  // id, size, next access, time
  while (reader.Next(&r)) {
    if ((out->ids.size() & 0xFFFFF) == 0 && 2.0 * per_record * static_cast<double>(out->ids.size()) > budget) {
      *error = "the trace has more than " + std::to_string(out->ids.size()) + " records, more than " +
               FormatBytes(budget) + " of memory can hold (replay a prefix, e.g. with head -c)";
      return false;
    }
    out->ids.push_back(r.key);
    out->sizes.push_back(r.size);
    out->next.push_back(r.next_access);
    any_next |= r.next_access >= 0;
    if (keep_time) out->time_ms.push_back(r.at / kMillisecond);
  }
  if (!reader.ok()) {
    *error = reader.error();
    return false;
  }
  if (!any_next) {
    out->next.clear();  // the format has no next-access field
    out->next.shrink_to_fit();
  }
  return true;
}

}  // namespace cachelab
