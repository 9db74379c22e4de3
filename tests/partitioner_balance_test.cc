// Ring balance with V virtual nodes. With n equal nodes and nV points
// uniform on the circle, a node's share is a sum of V of the nV arcs,
// Beta(V, (n-1)V): mean 1/n, variance (1/n)(1-1/n)/(nV+1), so the
// coefficient of variation of the shares is sqrt((n-1)/(nV+1)) ~ 1/sqrt(V).
// Measured over n nodes, the sample CV has a relative sd of about
// 1/sqrt(2n) (near-normal shares); we accept +-5 of those. The shares are
// measured exactly from the continuum (arc lengths), so no key sampling noise.
#include <catch2/catch.hpp>
#include <cmath>

#include "strategies/partitioners/balance.h"
#include "strategies/partitioners/ring_partitioner.h"

using namespace cachelab;

namespace {

std::vector<NodeSpec> Nodes(std::size_t n, std::uint32_t weight = 1) {
  std::vector<NodeSpec> nodes;
  for (std::size_t i = 0; i < n; ++i) nodes.push_back({"cache-" + std::to_string(i), 11211, weight});
  return nodes;
}

// Fraction of the 2^32 circle each node owns: a point owns the arc since the previous point.
std::vector<double> Shares(const RingPartitioner& ring) {
  const Continuum& c = ring.continuum();
  std::vector<double> shares(ring.Nodes().size(), 0);
  for (std::size_t i = 0; i < c.size(); ++i) {
    const std::uint32_t prev = c.Value(i == 0 ? c.size() - 1 : i - 1);
    const std::uint32_t arc = c.Value(i) - prev;  // unsigned wrap handles point 0
    shares[c.Owner(i)] += static_cast<double>(arc) / 4294967296.0;
  }
  return shares;
}

double Cv(const std::vector<double>& shares) {
  double mean = 0, var = 0;
  for (double s : shares) mean += s;
  mean /= shares.size();
  for (double s : shares) var += (s - mean) * (s - mean);
  return std::sqrt(var / shares.size()) / mean;
}

}  // namespace

TEST_CASE("ring shares with V vnodes have the CV of Beta(V, (n-1)V)") {
  const std::size_t n = 100;
  for (std::uint32_t v : {10u, 100u, 400u}) {
    INFO("vnodes " << v);
    RingPartitioner ring(Nodes(n), v);
    REQUIRE(ring.continuum().size() == n * v);
    const double expected = std::sqrt((n - 1.0) / (n * v + 1.0));
    const double tolerance = 5.0 / std::sqrt(2.0 * n);
    const double cv = Cv(Shares(ring));
    CHECK(cv >= expected * (1 - tolerance));
    CHECK(cv <= expected * (1 + tolerance));
  }
}

TEST_CASE("ring key counts follow the shares") {
  // 200000 keys over 20 nodes, V = 100: key counts add binomial noise of
  // CV sqrt((n-1)/K) = 0.0097 to the arc CV sqrt(19/2001) = 0.097.
  RingPartitioner ring(Nodes(20), 100);
  std::vector<std::uint64_t> counts(20, 0);
  for (int k = 0; k < 200000; ++k) ++counts[ring.Lookup("user:" + std::to_string(k))];
  const BalanceStats s = ComputeBalance(counts);
  const double expected = std::sqrt(0.097 * 0.097 + 0.0097 * 0.0097);
  const double tolerance = 5.0 / std::sqrt(40.0);
  CHECK(s.cv >= expected * (1 - tolerance));
  CHECK(s.cv <= expected * (1 + tolerance));
  CHECK(s.keys == 200000);
}

TEST_CASE("ring weights scale a node's share") {
  // Weights 1, 1, 2 with V = 200: the heavy node has 400 of 800 points, share
  // Beta(400, 400): mean 1/2, sd sqrt(0.25/801) = 0.0177; accept +-5 sd.
  std::vector<NodeSpec> nodes = Nodes(2);
  nodes.push_back({"heavy", 11211, 2});
  RingPartitioner ring(nodes, 200);
  CHECK(std::abs(Shares(ring)[2] - 0.5) <= 5 * 0.0177);
}

TEST_CASE("balance with weights compares each node with its weighted share") {
  // By hand: shares 10%, 20%, 30%, 40% of 100 keys are 10, 20, 30, 40.
  const BalanceStats fair = ComputeBalance({10, 20, 30, 40}, {1, 2, 3, 4});
  CHECK(fair.max_over_mean == Approx(1.0));
  CHECK(fair.cv == Approx(0.0).margin(1e-12));
  // keys / share = 1.2, 1, 1, 0.95: max 1.2, cv sqrt((0.2^2 + 0.05^2) / 4) = 0.103078.
  const BalanceStats off = ComputeBalance({12, 20, 30, 38}, {1, 2, 3, 4});
  CHECK(off.max_over_mean == Approx(1.2));
  CHECK(off.cv == Approx(0.103078).epsilon(1e-5));
  CHECK(off.mean == Approx(25.0));
  // Equal weights give the plain figures: max/mean 30/25, population sd 7.0711 / 25.
  const BalanceStats plain = ComputeBalance({20, 30, 25, 25}, {3, 3, 3, 3});
  CHECK(plain.max_over_mean == Approx(1.2));
  CHECK(plain.cv == Approx(std::sqrt(12.5) / 25));
  CHECK(ComputeBalance({20, 30, 25, 25}).cv == Approx(std::sqrt(12.5) / 25));
}
