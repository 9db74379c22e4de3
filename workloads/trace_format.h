// The trace formats by name, and guessing a file's format from its name
// (".zst" is stripped first; decompression is transparent to every format).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "workloads/file_trace_reader.h"

namespace cachelab {

struct TraceOpenOptions {
  std::string format;     // "" guesses from the file name
  std::string csv_spec;   // for "csv": see csv_spec.h
  bool skip_bad = false;  // count and skip malformed records instead of stopping
};

// oracleGeneral, vscsi, txt, csv, twitter, kvcache, cdn, cache2k, scarab, lcs, and Caffeine's lirs, arc, address,
// snia-tencent-photo (alias tencent-photo).
std::vector<std::string> TraceFormatNames();
// "" when the name says nothing (then the caller must give --format).
std::string GuessTraceFormat(const std::string& path);
// GuessTraceFormat, then for a ".csv" also the header row: Meta's kvcache
// (op_time,key,...,op,op_count) and CDN (timestamp,cacheKey,...,objectSize)
// headers are recognised. This is what OpenTrace uses when no format is given.
std::string DetectTraceFormat(const std::string& path);
// Returns nullptr and sets *error (naming the file) on failure.
std::unique_ptr<FileTraceReader> OpenTrace(const std::string& path, const TraceOpenOptions& options,
                                           std::string* error);

}  // namespace cachelab
