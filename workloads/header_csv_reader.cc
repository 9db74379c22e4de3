#include "workloads/header_csv_reader.h"

#include "workloads/text_fields.h"

namespace cachelab {

bool HeaderCsvReader::Read(Request* out) {
  std::string_view line;
  if (!started_) {
    started_ = true;
    if (!in_.NextLine(&line)) return false;  // empty file: no requests
    ++pos_;
    std::string why;
    int columns = MapHeader(HeaderColumns(line), &why);
    if (columns == 0) return error_ = path_ + ": line 1: " + why, false;
    fields_.resize(columns);
  }
  const int want = static_cast<int>(fields_.size());
  while (in_.NextLine(&line)) {
    ++pos_;
    if (line.empty()) continue;
    std::string why;
    int n = SplitFields(line, ',', fields_.data(), want);
    int r = n < want ? -1 : ParseRow(out, &why);
    if (n < want) why = "expected at least " + std::to_string(want) + " fields, got " + std::to_string(n);
    if (r == 1) return true;
    if (r == 0) continue;
    if (!Bad("line " + std::to_string(pos_), why)) return false;
  }
  return false;
}

}  // namespace cachelab
