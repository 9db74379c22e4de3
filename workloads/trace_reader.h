// Pull-style source of requests: trace files and synthetic generators alike.
// Memory use must not depend on the trace's length.
#pragma once
#include <cstdint>
#include <string>

#include "workloads/request.h"

namespace cachelab {

// Trace times are int64 nanoseconds: a timestamp beyond this many seconds
// (292 years) is a malformed record, not a wrap-around.
inline constexpr int64_t kMaxTraceSeconds = INT64_MAX / 1000000000;

class TraceReader {
 public:
  virtual ~TraceReader() = default;
  // Fills *out and returns true, or returns false at the end or on an error
  // (then error() says what and where: file, line or record number).
  virtual bool Next(Request* out) = 0;
  virtual const std::string& error() const { return error_; }
  bool ok() const { return error().empty(); }
  virtual std::string Name() const = 0;
  // How far through its input the reader is, 0..1, for progress; negative
  // when unknown (a stream, a generator).
  virtual double FractionRead() const { return -1; }
  // What progress and messages call the input: the file, or the generator.
  virtual std::string Label() const { return Name(); }
  // How many requests the input holds at most, where its format tells from
  // the file's size (fixed-size records, uncompressed); 0: unknown. A sizing
  // hint only (replay's numbering table starts from it).
  virtual uint64_t RequestCountHint() const { return 0; }

 protected:
  std::string error_;
};

}  // namespace cachelab
