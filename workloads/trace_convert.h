// Writes a trace in another format, so traces move between this lab and
// libCacheSim:
//  - oracleGeneral: libCacheSim's 24-byte little-endian records (uint32 time
//    in s, uint64 id, uint32 size, int64 next access), with the next-access
//    field computed (1-based index of the object's next request, -1: none)
//    and every request of an object at the object's first size, as
//    libCacheSim's converter writes it. Needs the whole trace in memory
//    (24 bytes a request): the next access is only known at the end.
//  - csv: header "time,obj_id,obj_size,op,ttl,client" (time and ttl in
//    seconds; op get/set/delete), read back by `--format csv` and by
//    libCacheSim with -t "time-col=1, obj-id-col=2, obj-size-col=3, has-header=true".
//  - txt: one object id per line (libCacheSim's txt).
// String keys become their 64-bit hashes (the id every reader gives them).
// The output is written to OUT.tmp and renamed when complete.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "workloads/trace_reader.h"

namespace cachelab {

std::vector<std::string> ConvertFormatNames();  // oracleGeneral, csv, txt

// Returns the number of requests written, or -1 with *error set (the input's
// error names its file and line; output errors name OUT). A trace without a
// request writes nothing and returns 0 (no header-only file to mistake for one).
int64_t ConvertTrace(TraceReader& in, const std::string& out_path, const std::string& to, std::string* error);

}  // namespace cachelab
