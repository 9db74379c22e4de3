// libCacheSim "oracleGeneral": headerless 24-byte little-endian records
// (uint32 time s, uint64 id, uint32 size, int64 next access, 1-based, -1 none).
#pragma once
#include "eviction/replay_trace.h"
#include "workloads/file_trace_reader.h"

namespace cachelab {

class OracleGeneralReader : public FileTraceReader {
 public:
  using FileTraceReader::FileTraceReader;
  bool Read(Request* out) override;
  std::string Name() const override { return "oracleGeneral"; }
  uint64_t RequestCountHint() const override { return plain_file_size() / 24; }
  // Replay's fast path: appends up to `max` records straight to the arrays
  // (no Request, no virtual call a record). Same records and errors as Next.
  // Starts reading at record `n` (0-based) of a mapped file, as if the ones
  // before had been read (errors then name records by their place in the file).
  // False for a stream or a compressed file, which cannot skip.
  bool SkipRecords(uint64_t n);
  void AppendReplay(size_t max, bool keep_next, bool keep_time, bool keep_ttl, eviction::ReplayTrace* out);
};

}  // namespace cachelab
