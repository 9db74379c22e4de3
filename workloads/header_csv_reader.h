// Base of the CSV readers whose header row names the columns (Meta's kvcache
// and CDN formats): reads the header, splits each row once, and leaves the
// format only the column mapping and the row's meaning.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "workloads/file_trace_reader.h"
#include "workloads/header_columns.h"

namespace cachelab {

class HeaderCsvReader : public FileTraceReader {
 public:
  using FileTraceReader::FileTraceReader;
  bool Read(Request* out) override;

 protected:
  // Maps the header's columns; returns the largest column used, or 0 (with
  // *why) if the header is not this format's.
  virtual int MapHeader(const HeaderColumns& header, std::string* why) = 0;
  // 1: *out is a request; 0: a row to skip silently; -1: malformed (*why).
  virtual int ParseRow(Request* out, std::string* why) = 0;
  // Field of 1-based column c of the current row (c must be mapped).
  std::string_view Col(int c) const { return fields_[c - 1]; }

 private:
  bool started_ = false;
  std::vector<std::string_view> fields_;
};

}  // namespace cachelab
