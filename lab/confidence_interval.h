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

}  // namespace cachelab
