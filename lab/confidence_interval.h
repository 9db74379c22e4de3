// Mean and two-sided confidence interval of replications, with Student's t
// (replications are few, so the normal approximation would be too narrow).
#pragma once
#include <cstddef>
#include <vector>

namespace cachelab {

struct Interval {
  double mean = 0;
  double half_width = 0;  // mean +- half_width; 0 for fewer than two samples
  size_t n = 0;
};

// The p-quantile of Student's t with `df` degrees of freedom (df > 0, 0 < p < 1).
double StudentTQuantile(double p, double df);
// The 95% interval of the mean: t(0.975, n-1) * s / sqrt(n).
Interval MeanCI95(const std::vector<double>& samples);
// A mean over configurations (each group holds one configuration's replications),
// each configuration weighted equally, with the 95% interval of that mean from the
// replications' pooled within-configuration variance, t with sum(n_i - 1) degrees of
// freedom. The spread between configurations is what is averaged, not sampling
// noise, so it does not widen the interval; no interval when no configuration was
// replicated. One group: the same as MeanCI95. Empty groups are skipped.
Interval MeanOfGroupsCI95(const std::vector<std::vector<double>>& groups);

}  // namespace cachelab
