// The Zipf generator against the theoretical frequencies: Pearson's
// chi-square goodness-of-fit at the 0.1% level. The same statistic computed
// against a slightly different alpha must reject, so the test has power.
#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <thread>
#include <vector>

#include "workloads/synthetic.h"
#include "workloads/zipf.h"

using namespace cachelab;

// Upper 0.1% point of chi-square with df degrees of freedom (Wilson-Hilferty).
static double ChiSquareCritical999(double df) {
  const double z = 3.090232;  // standard normal 0.999 quantile
  double a = 2.0 / (9.0 * df);
  return df * std::pow(1 - a + z * std::sqrt(a), 3);
}

static double ChiSquare(const std::vector<uint64_t>& counts, uint64_t n, double alpha) {
  double norm = 0;
  for (size_t i = 1; i <= counts.size(); ++i) norm += std::pow(static_cast<double>(i), -alpha);
  double chi = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    double expected = n * std::pow(static_cast<double>(i + 1), -alpha) / norm;
    double d = counts[i] - expected;
    chi += d * d / expected;
  }
  return chi;
}

static std::vector<uint64_t> Draw(uint64_t keys, double alpha, uint64_t n, uint64_t seed) {
  ZipfSampler z(keys, alpha);
  Rng rng(seed, "zipf-test");
  std::vector<uint64_t> counts(keys, 0);
  for (uint64_t i = 0; i < n; ++i) ++counts[z.Sample(rng)];
  return counts;
}

TEST_CASE("Zipf samples fit the theoretical distribution") {
  const uint64_t keys = 1000, n = 2000000;
  for (double alpha : {0.0, 0.6, 0.99, 1.2}) {
    auto counts = Draw(keys, alpha, n, 42);
    double chi = ChiSquare(counts, n, alpha);
    INFO("alpha " << alpha << " chi2 " << chi);
    CHECK(chi < ChiSquareCritical999(keys - 1));
  }
}

TEST_CASE("the goodness-of-fit test rejects a nearby wrong alpha") {
  const uint64_t keys = 1000, n = 2000000;
  auto counts = Draw(keys, 0.99, n, 7);
  CHECK(ChiSquare(counts, n, 0.95) > ChiSquareCritical999(keys - 1));
  CHECK(ChiSquare(counts, n, 1.03) > ChiSquareCritical999(keys - 1));
}

TEST_CASE("exact probabilities: rank 1 of Zipf(1) over 3 keys is 6/11") {
  ZipfSampler z(3, 1.0);
  CHECK(z.Probability(0) == Approx(6.0 / 11));
  CHECK(z.Probability(2) == Approx(2.0 / 11));
}

TEST_CASE("the synthetic workload honours the read fraction and fixed per-key sizes") {
  SyntheticConfig c;
  c.keys = 100;
  c.requests = 100000;
  c.read_fraction = 0.8;
  std::string err = Distribution::Parse("uniform(100,200)", Distribution::Unit::kBytes, &c.value_size);
  REQUIRE(err.empty());
  SyntheticWorkload w(c, 3);
  Request r;
  uint64_t reads = 0, n = 0;
  std::vector<uint32_t> size_of(100, 0);
  bool sizes_stable = true;
  while (w.Next(&r)) {
    ++n;
    reads += r.op == Op::kGet;
    if (size_of[r.key] && size_of[r.key] != r.size) sizes_stable = false;
    size_of[r.key] = r.size;
    CHECK((r.size >= 100 && r.size <= 200));
  }
  CHECK(n == 100000);
  // Binomial(100000, 0.8): sd = 126; 5 sd.
  CHECK(std::abs(static_cast<double>(reads) - 80000) < 5 * 126.5);
  CHECK(sizes_stable);
}

TEST_CASE("the workload's look-ahead draws give the keys ZipfSampler::Sample gives, in order") {
  // Expectation: Sample() on a stream named as the workload names its key
  // stream; the workload draws 8 keys ahead to prefetch their alias cells.
  for (auto [keys, alpha] : {std::pair<uint64_t, double>{1, 0.99}, {1000, 0.99}, {5000, 0.0}, {77, 1.4}}) {
    SyntheticConfig c;
    c.keys = keys;
    c.alpha = alpha;
    c.requests = 20003;  // not a multiple of the look-ahead
    SyntheticWorkload w(c, 11);
    ZipfSampler z(keys, alpha);
    Rng rng(11, "workload-keys");
    Request r;
    uint64_t n = 0, mismatches = 0;
    while (w.Next(&r)) {
      ++n;
      mismatches += r.key != z.Sample(rng);
    }
    CHECK(n == 20003);
    CHECK(mismatches == 0);
  }
}

// ZipfSampler::ProbabilityNonIncreasing lets the runner watch keys 0, 1, 2 as
// the hottest (HotKeyExpiries::WatchFirst) instead of weighing every key. The
// expectation is the definition, checked by brute force: no rank's probability
// above its predecessor's, over whole keyspaces and, for the smallest alpha it
// admits, i^-alpha itself near 2^32 (the largest keyspace), where neighbours are closest.
TEST_CASE("Zipf probabilities never increase with the rank when ProbabilityNonIncreasing says so") {
  for (double alpha : {0.0, 1e-5, 1e-3, 0.5, 0.99, 1.0, 1.5, 4.0}) {
    ZipfSampler z(100000, alpha);
    REQUIRE(z.ProbabilityNonIncreasing());
    uint64_t ups = 0, ties = 0;
    for (uint64_t i = 0; i + 1 < z.n(); ++i) {
      ups += z.Probability(i + 1) > z.Probability(i);
      ties += z.Probability(i + 1) == z.Probability(i);
    }
    INFO("alpha " << alpha);
    CHECK(ups == 0);
    CHECK(ties == (alpha == 0 ? z.n() - 1 : 0));
  }
  uint64_t ups = 0;
  for (uint64_t i = 4294967295ULL - 100000; i < 4294967295ULL; ++i)
    ups += std::pow(static_cast<double>(i + 1), -1e-5) >= std::pow(static_cast<double>(i), -1e-5);
  CHECK(ups == 0);
  CHECK_FALSE(ZipfSampler(10, 1e-6).ProbabilityNonIncreasing());
}

// The alias table is shared between samplers of the same (n, alpha) (the last one
// built is kept): another keyspace or alpha in between must not be served the
// kept table. Expected: each rank's closed-form probability i^-alpha / sum k^-alpha
// (computed here, by its definition), and draws equal to those of a sampler
// built before the others exactly when (n, alpha) is the same.
TEST_CASE("samplers of different keyspaces and alphas never share a table; equal ones draw alike") {
  auto closed_form = [](uint64_t n, double alpha, uint64_t i) {
    double norm = 0;
    for (uint64_t k = 1; k <= n; ++k) norm += std::pow(static_cast<double>(k), -alpha);
    return std::pow(static_cast<double>(i + 1), -alpha) / norm;
  };
  ZipfSampler first(1000, 0.9);
  std::vector<uint64_t> first_draws;
  Rng r1(5, "share");
  for (int i = 0; i < 2000; ++i) first_draws.push_back(first.Sample(r1));
  for (auto [n, alpha] : std::vector<std::pair<uint64_t, double>>{{1000, 1.2}, {999, 0.9}, {1000, 0.0}, {1000, 0.9}}) {
    ZipfSampler z(n, alpha);
    INFO("n " << n << " alpha " << alpha);
    for (uint64_t i : {uint64_t{0}, uint64_t{1}, uint64_t{500}, n - 1})
      CHECK(z.Probability(i) == Approx(closed_form(n, alpha, i)).epsilon(1e-12));
    // Every rank a draw returns is in range and, with a fixed seed, the same as
    // from the first sampler exactly when (n, alpha) is the same.
    Rng r(5, "share");
    bool same = true;
    for (int i = 0; i < 2000; ++i) {
      uint64_t k = z.Sample(r);
      REQUIRE(k < n);
      same &= k == first_draws[static_cast<size_t>(i)];
    }
    CHECK(same == (n == 1000 && alpha == 0.9));
  }
  // Built from several threads at once (parallel sweep jobs): each sees its own table.
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &wrong, &closed_form] {
      for (int i = 0; i < 20; ++i) {
        double alpha = (t + i) % 2 ? 0.7 : 1.1;
        ZipfSampler z(2000 + static_cast<uint64_t>(t % 2), alpha);
        if (std::abs(z.Probability(0) - closed_form(z.n(), alpha, 0)) > 1e-12) ++wrong;
      }
    });
  for (auto& th : threads) th.join();
  CHECK(wrong == 0);
}
