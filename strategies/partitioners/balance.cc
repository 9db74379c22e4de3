#include "strategies/partitioners/balance.h"

#include <algorithm>
#include <cmath>

namespace cachelab {

BalanceStats ComputeBalance(const std::vector<std::uint64_t>& keys_per_node) {
  BalanceStats s;
  if (keys_per_node.empty()) return s;
  s.max = *std::max_element(keys_per_node.begin(), keys_per_node.end());
  s.min = *std::min_element(keys_per_node.begin(), keys_per_node.end());
  for (std::uint64_t k : keys_per_node) s.keys += k;
  const double n = static_cast<double>(keys_per_node.size());
  s.mean = static_cast<double>(s.keys) / n;
  double var = 0;
  for (std::uint64_t k : keys_per_node) var += (static_cast<double>(k) - s.mean) * (static_cast<double>(k) - s.mean);
  var /= n;
  if (s.mean > 0) {
    s.max_over_mean = static_cast<double>(s.max) / s.mean;
    s.cv = std::sqrt(var) / s.mean;
  }
  return s;
}

double RemappedFraction(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  if (before.empty() || before.size() != after.size()) return 0;
  std::size_t moved = 0;
  for (std::size_t i = 0; i < before.size(); ++i) moved += before[i] != after[i];
  return static_cast<double>(moved) / static_cast<double>(before.size());
}

}  // namespace cachelab
