// Balance and movement figures for a key -> node assignment: what
// `cachelab ring --stats` prints and what the cluster simulation reports.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cachelab {

struct BalanceStats {
  std::uint64_t keys = 0;
  double mean = 0;           // keys per node
  std::uint64_t max = 0;
  std::uint64_t min = 0;
  double max_over_mean = 0;  // 1.0 is perfect
  double cv = 0;             // coefficient of variation (population stddev / mean)
};

// With `weights` (one per node), max_over_mean and cv compare each node's keys
// with its fair share keys * w / W instead of the plain mean: the largest
// keys / share, and the root mean square of keys / share - 1 (both equal the
// unweighted figures when all weights are equal).
BalanceStats ComputeBalance(const std::vector<std::uint64_t>& keys_per_node,
                            const std::vector<double>& weights = {});

// Fraction of keys whose node (by label) differs between two assignments of
// the same keys, e.g. before and after a membership change.
double RemappedFraction(const std::vector<std::string>& before, const std::vector<std::string>& after);

}  // namespace cachelab
