// CSV traces with a column spec (csv_spec.h). No quoting. Time in seconds
// (integer or decimal), numeric ids kept, other ids hashed.
#pragma once
#include <string_view>
#include <vector>

#include "workloads/csv_spec.h"
#include "workloads/file_trace_reader.h"

namespace cachelab {

class CsvReader : public FileTraceReader {
 public:
  CsvReader(const std::string& path, const CsvSpec& spec, bool skip_bad)
      : FileTraceReader(path, skip_bad), spec_(spec) {}
  bool Read(Request* out) override;
  std::string Name() const override { return "csv"; }

 private:
  bool Start();  // header handling on the first call
  bool Parse(std::string_view line, Request* out, std::string* why);

  CsvSpec spec_;
  bool started_ = false;
  std::vector<std::string_view> fields_;
  bool has_pending_ = false;
  std::string pending_copy_;  // line 1 when it turned out to be data
};

}  // namespace cachelab
