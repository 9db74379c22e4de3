#include "lab/confidence_interval.h"

#include <cmath>

namespace cachelab {
namespace {

// Continued fraction for the regularized incomplete beta (Lentz's method).
double BetaContinuedFraction(double a, double b, double x) {
  const double tiny = 1e-300;
  double c = 1, d = 1 - (a + b) * x / (a + 1);
  if (std::fabs(d) < tiny) d = tiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= 300; ++m) {
    double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    c = 1 + aa / c;
    if (std::fabs(d) < tiny) d = tiny;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    c = 1 + aa / c;
    if (std::fabs(d) < tiny) d = tiny;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < 1e-15) break;
  }
  return h;
}

double RegularizedBeta(double a, double b, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return front * BetaContinuedFraction(a, b, x) / a;
  return 1 - front * BetaContinuedFraction(b, a, 1 - x) / b;
}

double StudentTCdf(double t, double df) {
  double tail = 0.5 * RegularizedBeta(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? 1 - tail : tail;
}

}  // namespace

double StudentTQuantile(double p, double df) {
  if (p == 0.5) return 0;
  // Bisection on the CDF: monotone, and 200 halvings reach double precision.
  double lo = -1e4, hi = 1e4;
  for (int i = 0; i < 200; ++i) {
    double mid = 0.5 * (lo + hi);
    (StudentTCdf(mid, df) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

Interval MeanCI95(const std::vector<double>& samples) {
  Interval iv;
  iv.n = samples.size();
  if (iv.n == 0) return iv;
  double sum = 0;
  for (double x : samples) sum += x;
  iv.mean = sum / iv.n;
  if (iv.n < 2) return iv;
  double ss = 0;
  for (double x : samples) ss += (x - iv.mean) * (x - iv.mean);
  double sd = std::sqrt(ss / (iv.n - 1));
  iv.half_width = StudentTQuantile(0.975, static_cast<double>(iv.n - 1)) * sd / std::sqrt(static_cast<double>(iv.n));
  return iv;
}

Interval MeanOfGroupsCI95(const std::vector<std::vector<double>>& groups) {
  Interval iv;
  double sum_means = 0, ss = 0, inverse_n = 0;
  size_t k = 0, df = 0;
  for (const auto& g : groups) {
    if (g.empty()) continue;
    double mean = 0;
    for (double x : g) mean += x;
    mean /= static_cast<double>(g.size());
    sum_means += mean;
    for (double x : g) ss += (x - mean) * (x - mean);
    inverse_n += 1.0 / static_cast<double>(g.size());
    df += g.size() - 1;
    iv.n += g.size();
    ++k;
  }
  if (k == 0) return iv;
  iv.mean = sum_means / static_cast<double>(k);
  if (df == 0) return iv;
  double pooled_variance = ss / static_cast<double>(df);
  iv.half_width = StudentTQuantile(0.975, static_cast<double>(df)) * std::sqrt(pooled_variance * inverse_n) /
                  static_cast<double>(k);
  return iv;
}

}  // namespace cachelab
