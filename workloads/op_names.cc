#include "workloads/op_names.h"

#include <utility>

namespace cachelab {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Most frequent first: this runs once per trace line.
constexpr std::pair<std::string_view, Op> kOps[] = {
    {"get", Op::kGet},     {"28", Op::kGet},   {"2a", Op::kSet},        {"set", Op::kSet},
    {"1", Op::kGet},       {"gets", Op::kGet}, {"get_lease", Op::kGet}, {"read", Op::kGet},
    {"r", Op::kGet},       {"88", Op::kGet},   {"08", Op::kGet},        {"add", Op::kSet},
    {"replace", Op::kSet}, {"cas", Op::kSet},  {"append", Op::kSet},    {"prepend", Op::kSet},
    {"incr", Op::kSet},    {"decr", Op::kSet}, {"set_lease", Op::kSet}, {"write", Op::kSet},
    {"w", Op::kSet},       {"8a", Op::kSet},   {"0a", Op::kSet},        {"delete", Op::kDelete},
    {"del", Op::kDelete},
};

}  // namespace

bool ParseOpName(std::string_view name, Op* op) {
  for (const auto& [n, o] : kOps)
    if (EqualsIgnoreCase(name, n)) return *op = o, true;
  return false;
}

}  // namespace cachelab
