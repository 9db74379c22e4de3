#include "strategies/partitioners/balance.h"

#include <algorithm>
#include <cmath>

namespace cachelab {

BalanceStats ComputeBalance(const std::vector<std::uint64_t>& keys_per_node, const std::vector<double>& weights) {
  BalanceStats s;
  if (keys_per_node.empty()) return s;
  s.max = *std::max_element(keys_per_node.begin(), keys_per_node.end());
  s.min = *std::min_element(keys_per_node.begin(), keys_per_node.end());
  for (std::uint64_t k : keys_per_node) s.keys += k;
  const double n = static_cast<double>(keys_per_node.size());
  s.mean = static_cast<double>(s.keys) / n;
  if (s.mean <= 0) return s;
  double total_weight = 0;
  for (double w : weights) total_weight += w;
  double sum_sq = 0;  // of keys / fair share - 1; unweighted of keys - mean (the same cv, bit for bit as before)
  for (std::size_t i = 0; i < keys_per_node.size(); ++i) {
    const double k = static_cast<double>(keys_per_node[i]);
    const double share = weights.empty() ? s.mean : static_cast<double>(s.keys) * weights[i] / total_weight;
    s.max_over_mean = std::max(s.max_over_mean, k / share);
    const double d = weights.empty() ? k - s.mean : k / share - 1;
    sum_sq += d * d;
  }
  s.cv = weights.empty() ? std::sqrt(sum_sq / n) / s.mean : std::sqrt(sum_sq / n);
  return s;
}

double RemappedFraction(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  if (before.empty() || before.size() != after.size()) return 0;
  std::size_t moved = 0;
  for (std::size_t i = 0; i < before.size(); ++i) moved += before[i] != after[i];
  return static_cast<double>(moved) / static_cast<double>(before.size());
}

}  // namespace cachelab
