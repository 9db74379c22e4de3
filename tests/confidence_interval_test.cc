// Mean and 95% CI of replications against hand-computed Student-t intervals.
#include <catch2/catch.hpp>

#include "lab/confidence_interval.h"

using namespace cachelab;

TEST_CASE("t quantiles match the printed table") {
  // t(0.975, df) from standard tables (NIST/SEMATECH e-Handbook of Statistical
  // Methods, 1.3.6.7.2 "Critical Values of the Student's t Distribution").
  CHECK(StudentTQuantile(0.975, 1) == Approx(12.7062).epsilon(1e-5));
  CHECK(StudentTQuantile(0.975, 4) == Approx(2.7764).epsilon(1e-4));
  CHECK(StudentTQuantile(0.975, 9) == Approx(2.2622).epsilon(1e-4));
  CHECK(StudentTQuantile(0.975, 30) == Approx(2.0423).epsilon(1e-4));
  CHECK(StudentTQuantile(0.025, 4) == Approx(-2.7764).epsilon(1e-4));
}

TEST_CASE("95% interval of five replications, by hand") {
  // 1..5: mean 3, s = sqrt(2.5) = 1.58114, s/sqrt(5) = 0.707107,
  // half width = 2.776445 * 0.707107 = 1.963243.
  Interval iv = MeanCI95({1, 2, 3, 4, 5});
  CHECK(iv.n == 5);
  CHECK(iv.mean == Approx(3.0));
  CHECK(iv.half_width == Approx(1.963243).epsilon(1e-5));
}

TEST_CASE("two replications use t(0.975, 1)") {
  // 0.80, 0.84: mean 0.82, s = 0.0282843, s/sqrt(2) = 0.02, half = 12.7062 * 0.02.
  Interval iv = MeanCI95({0.80, 0.84});
  CHECK(iv.mean == Approx(0.82));
  CHECK(iv.half_width == Approx(0.254124).epsilon(1e-5));
}

TEST_CASE("one sample has no interval") {
  Interval iv = MeanCI95({7});
  CHECK(iv.mean == 7);
  CHECK(iv.half_width == 0);
  CHECK(MeanCI95({}).n == 0);
}

TEST_CASE("a mean over configurations: equal weights, pooled within-configuration variance") {
  // Two configurations, two replications each: {1,3} and {10,14}. Means 2 and 12, mean 7.
  // Within: s1^2 = 2, s2^2 = 8, pooled (1*2 + 1*8) / 2 = 5 with 2 df; the mean of the two
  // means has variance 5 * (1/2 + 1/2) / 2^2, so half = t(0.975, 2) * sqrt(5) / 2 =
  // 4.302653 * 1.118034 = 4.810520 (t from the NIST table, 4.3027). Pooling the four
  // samples as replications gave 3.182446 * 6.055301 / 2 = 9.635: the spread between
  // configurations counted as noise.
  Interval iv = MeanOfGroupsCI95({{1, 3}, {10, 14}});
  CHECK(iv.n == 4);
  CHECK(iv.mean == Approx(7.0));
  CHECK(iv.half_width == Approx(4.810520).epsilon(1e-5));
  // Unequal replications: {1,2,3} and {10}. Means 2 and 10, mean 6 (not the pooled 4);
  // pooled variance 2 / 2 = 1 with 2 df; half = 4.302653 * sqrt(1/3 + 1) / 2 = 2.484138.
  Interval uneven = MeanOfGroupsCI95({{1, 2, 3}, {10}});
  CHECK(uneven.mean == Approx(6.0));
  CHECK(uneven.half_width == Approx(2.484138).epsilon(1e-5));
  // No configuration replicated: a mean, no interval.
  Interval single = MeanOfGroupsCI95({{0.5}, {0.9}, {}});
  CHECK(single.mean == Approx(0.7));
  CHECK(single.half_width == 0);
  CHECK(single.n == 2);
  // One configuration: the replications' interval.
  CHECK(MeanOfGroupsCI95({{1, 2, 3, 4, 5}}).half_width == Approx(1.963243).epsilon(1e-5));
  CHECK(MeanOfGroupsCI95({}).n == 0);
}
