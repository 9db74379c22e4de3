#include "workloads/csv_spec.h"

#include <cctype>

#include "workloads/text_fields.h"

namespace cachelab {
namespace {

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::string_view Strip(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

bool ParseCsvSpec(std::string_view text, CsvSpec* spec, std::string* error) {
  size_t i = 0;
  while (i < text.size()) {
    size_t eq = text.find('=', i);
    if (eq == std::string_view::npos) {
      if (Strip(text.substr(i)).empty()) break;
      *error = "csv spec: expected key=value at '" + std::string(text.substr(i)) + "'";
      return false;
    }
    std::string key = Lower(Strip(text.substr(i, eq - i)));
    std::string_view value;
    if (key == "delimiter") {
      // The delimiter may itself be ',': take one character (or \t).
      if (text.compare(eq + 1, 2, "\\t") == 0) {
        value = "\t";
        i = eq + 3;
      } else if (eq + 1 < text.size()) {
        value = text.substr(eq + 1, 1);
        i = eq + 2;
      } else {
        *error = "csv spec: empty delimiter";
        return false;
      }
      i = text.find(',', i);
      i = i == std::string_view::npos ? text.size() : i + 1;
      spec->delimiter = value == "\t" ? '\t' : value[0];
      continue;
    }
    size_t comma = text.find(',', eq + 1);
    value = Strip(text.substr(eq + 1, comma == std::string_view::npos ? std::string_view::npos : comma - eq - 1));
    i = comma == std::string_view::npos ? text.size() : comma + 1;
    if (key == "has-header" || key == "header") {
      std::string v = Lower(value);
      if (v == "true" || v == "1" || v == "yes")
        spec->has_header = 1;
      else if (v == "false" || v == "0" || v == "no")
        spec->has_header = 0;
      else
        return *error = "csv spec: has-header must be true or false", false;
      continue;
    }
    int* col = nullptr;
    if (key == "time-col" || key == "time")
      col = &spec->time_col;
    else if (key == "obj-id-col" || key == "id-col" || key == "id")
      col = &spec->id_col;
    else if (key == "obj-size-col" || key == "size-col" || key == "size")
      col = &spec->size_col;
    else if (key == "op-col" || key == "op")
      col = &spec->op_col;
    else if (key == "ttl-col" || key == "ttl")
      col = &spec->ttl_col;
    else if (key == "obj-id-is-num")
      continue;  // ids are parsed as numbers when they are numbers
    if (!col) return *error = "csv spec: unknown key '" + key + "'", false;
    if (!ParseInt(value, col) || *col < 0) return *error = "csv spec: bad column for " + key, false;
  }
  return true;
}

bool MapCsvHeader(std::string_view header, CsvSpec* spec) {
  std::string_view f[64];
  int n = SplitFields(header, spec->delimiter, f, 64);
  for (int c = 0; c < n && c < 64; ++c) {
    std::string name = Lower(f[c]);
    auto set = [&](int* col) {
      if (*col == 0) *col = c + 1;
    };
    if (name == "time" || name == "timestamp" || name == "clock_time" || name == "op_time" || name == "ts")
      set(&spec->time_col);
    else if (name == "id" || name == "obj_id" || name == "key" || name == "lbn" || name == "cachekey" ||
             name == "object_id" || name == "obj-id")
      set(&spec->id_col);
    else if (name == "size" || name == "obj_size" || name == "objectsize" || name == "object_size" ||
             name == "value_size" || name == "len")
      set(&spec->size_col);
    else if (name == "op" || name == "optype" || name == "operation")
      set(&spec->op_col);
    else if (name == "ttl")
      set(&spec->ttl_col);
  }
  return spec->id_col != 0;
}

}  // namespace cachelab
