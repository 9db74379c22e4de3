// libCacheSim "oracleGeneral": headerless 24-byte little-endian records
// (uint32 time s, uint64 id, uint32 size, int64 next access, 1-based, -1 none).
#pragma once
#include "workloads/file_trace_reader.h"

namespace cachelab {

class OracleGeneralReader : public FileTraceReader {
 public:
  using FileTraceReader::FileTraceReader;
  bool Read(Request* out) override;
  std::string Name() const override { return "oracleGeneral"; }
};

}  // namespace cachelab
