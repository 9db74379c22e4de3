// Percentiles from the log-bucket histogram against exact order statistics:
// the relative error must stay within 1% across six orders of magnitude.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/histogram.h"
#include "sim/rng.h"

using namespace cachelab;

TEST_CASE("histogram percentiles are within 1% of the exact values") {
  Rng rng(99);
  Histogram h;
  std::vector<uint64_t> values;
  for (int i = 0; i < 200000; ++i) {
    // Log-uniform between 100 ns and 1 s.
    uint64_t v = static_cast<uint64_t>(std::exp(std::log(100.0) + rng.Uniform() * std::log(1e7)));
    values.push_back(v);
    h.Record(v);
  }
  std::sort(values.begin(), values.end());
  for (double q : {0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999}) {
    size_t rank = static_cast<size_t>(std::ceil(q * values.size()));
    double exact = static_cast<double>(values[rank - 1]);
    double got = h.Quantile(q);
    INFO("q " << q << " exact " << exact << " got " << got);
    CHECK(std::abs(got - exact) / exact <= 0.01);
  }
  CHECK(h.Quantile(1.0) == values.back());
  CHECK(h.min() == values.front());
  CHECK(h.count() == values.size());
}

TEST_CASE("small values are exact; bucket bounds tile the range") {
  Histogram h;
  for (uint64_t v = 0; v < 128; ++v) h.Record(v);
  CHECK(h.Quantile(0.5) == 63);
  for (int i = 1; i < Histogram::kBuckets - 1; ++i) {
    REQUIRE(Histogram::UpperBound(i) == Histogram::LowerBound(i + 1));
    REQUIRE(Histogram::IndexOf(Histogram::LowerBound(i)) == i);
  }
}
