// cache2k's traces (as the Caffeine simulator ships them, usually .xz): a
// headerless run of 32-bit big-endian integers, one key per request, read as
// uint32 (libCacheSim, fed the keys as decimal text, sees the same ids). No
// time, size or operation: every request is a get of size 1 (as txt traces).
#pragma once
#include "workloads/file_trace_reader.h"

namespace cachelab {

class Cache2kReader : public FileTraceReader {
 public:
  using FileTraceReader::FileTraceReader;
  bool Read(Request* out) override;
  std::string Name() const override { return "cache2k"; }
};

}  // namespace cachelab
