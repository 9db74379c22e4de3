// Plain text: one object id per line (decimal, or any other token, hashed).
// No time or size: every request has size 1, so only object-count replay
// is meaningful. Blank lines are skipped.
#pragma once
#include "workloads/file_trace_reader.h"

namespace cachelab {

class TextReader : public FileTraceReader {
 public:
  using FileTraceReader::FileTraceReader;
  bool Read(Request* out) override;
  std::string Name() const override { return "txt"; }
};

}  // namespace cachelab
