#include "workloads/csv_reader.h"

#include "sim/printable.h"

#include <algorithm>
#include <cmath>

#include "workloads/op_names.h"
#include "workloads/text_fields.h"

namespace cachelab {
namespace {

bool IsNumber(std::string_view s) {
  double d;
  return ParseDouble(s, &d);
}

}  // namespace

bool CsvReader::Start() {
  started_ = true;
  std::string_view line;
  if (!in_.NextLine(&line)) return true;
  ++pos_;
  std::string_view f[1];
  SplitFields(line, spec_.delimiter, f, 1);
  bool header = spec_.has_header == 1 || (spec_.has_header == -1 && !IsNumber(f[0]));
  if (header) {
    if (!MapCsvHeader(line, &spec_) && spec_.id_col == 0) {
      error_ = path_ + ": line 1: no object id column in the header; give a csv spec (obj-id-col=N)";
      return false;
    }
    return true;
  }
  if (spec_.id_col == 0) {
    error_ = path_ + ": line 1: csv without a header needs a column spec (obj-id-col=N, ...)";
    return false;
  }
  pending_copy_.assign(line);
  has_pending_ = true;
  return true;
}

bool CsvReader::Read(Request* out) {
  if (!started_ && !Start()) return false;
  std::string_view line;
  for (;;) {
    uint64_t line_no;
    if (has_pending_) {
      has_pending_ = false;
      line = pending_copy_;
      line_no = 1;
    } else {
      if (!in_.NextLine(&line)) return false;
      line_no = ++pos_;
    }
    if (line.empty()) continue;
    std::string why;
    if (Parse(line, out, &why)) return true;
    if (!Bad("line " + std::to_string(line_no), why)) return false;
  }
}

bool CsvReader::Parse(std::string_view line, Request* out, std::string* why) {
  // Only the columns up to the last one used are stored (once-sized buffer).
  if (fields_.empty())
    fields_.resize(std::max({spec_.time_col, spec_.id_col, spec_.size_col, spec_.op_col, spec_.ttl_col, 1}));
  std::string_view* f = fields_.data();
  int n = SplitFields(line, spec_.delimiter, f, static_cast<int>(fields_.size()));
  auto field = [&](int col, const char* what, std::string_view* v) {
    if (col > n) {
      *why = std::string("missing ") + what + " column " + std::to_string(col) + " (line has " + std::to_string(n) +
             " fields)";
      return false;
    }
    *v = f[col - 1];
    return true;
  };
  *out = Request{};
  std::string_view v;
  if (!field(spec_.id_col, "id", &v)) return false;
  if (v.empty()) return *why = "empty object id", false;
  out->key = KeyToId(v);
  if (spec_.time_col) {
    if (!field(spec_.time_col, "time", &v)) return false;
    int64_t whole;
    double t;
    if (ParseInt(v, &whole) && whole >= 0 && whole <= kMaxTraceSeconds) {  // the common case, and exact
      out->at = whole * kSecond;
    } else if (ParseDouble(v, &t) && t >= 0 && t <= kMaxTraceSeconds) {
      out->at = static_cast<SimTime>(std::llround(t * kSecond));
    } else {
      return *why = "bad time '" + Printable(v) + "' (seconds, 0 to 9.2e9)", false;
    }
  }
  if (spec_.size_col) {
    if (!field(spec_.size_col, "size", &v)) return false;
    int64_t s;
    if (!ParseInt(v, &s) || s < 0 || s > UINT32_MAX) return *why = "bad size '" + Printable(v) + "'", false;
    out->size = static_cast<uint32_t>(s);
  } else {
    out->size = 1;
  }
  if (spec_.op_col) {
    if (!field(spec_.op_col, "op", &v)) return false;
    if (!ParseOpName(v, &out->op)) return *why = "unknown operation '" + Printable(v) + "'", false;
  }
  if (spec_.ttl_col) {
    if (!field(spec_.ttl_col, "ttl", &v)) return false;
    int64_t ttl;
    if (!ParseInt(v, &ttl) || ttl > kMaxTraceSeconds) return *why = "bad ttl '" + Printable(v) + "'", false;
    out->ttl = ttl > 0 ? ttl * kSecond : 0;
  }
  return true;
}

}  // namespace cachelab
