// VMware vscsi stats traces, version 1 (32-byte records) or 2 (40 bytes),
// detected from the version field of the first record as libCacheSim does.
// Id = LBN, size = length, time = microseconds.
#pragma once
#include "workloads/file_trace_reader.h"

namespace cachelab {

class VscsiReader : public FileTraceReader {
 public:
  using FileTraceReader::FileTraceReader;
  bool Read(Request* out) override;
  std::string Name() const override { return "vscsi"; }

 private:
  bool Decode(const char* r, size_t got, Request* out);
  int version_ = 0;  // 0: not yet detected
};

}  // namespace cachelab
