#include "workloads/op_names.h"

#include <cctype>
#include <string>

namespace cachelab {

bool ParseOpName(std::string_view name, Op* op) {
  std::string s(name);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const kGets[] = {"get", "gets", "get_lease", "read", "r", "28", "88", "08", "1"};
  static const char* const kSets[] = {"set", "add", "replace", "cas", "append", "prepend", "incr",
                                      "decr", "set_lease", "write", "w", "2a", "8a", "0a"};
  static const char* const kDeletes[] = {"delete", "del"};
  for (const char* n : kGets)
    if (s == n) return *op = Op::kGet, true;
  for (const char* n : kSets)
    if (s == n) return *op = Op::kSet, true;
  for (const char* n : kDeletes)
    if (s == n) return *op = Op::kDelete, true;
  return false;
}

}  // namespace cachelab
