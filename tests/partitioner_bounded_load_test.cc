// Consistent hashing with bounded loads (Mirrokni, Thorup, Zadimoghaddam,
// SODA 2018): after every placement no node holds more than
// ceil((1+eps) * m / n) of the m keys placed. The checks run with one point
// per node, where a plain ring is badly unbalanced (so the bound must bind).
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "strategies/partitioners/bounded_load_partitioner.h"
#include "strategies/partitioners/ring_partitioner.h"

using namespace cachelab;

namespace {

std::vector<NodeSpec> Nodes(std::size_t n) {
  std::vector<NodeSpec> nodes;
  for (std::size_t i = 0; i < n; ++i) nodes.push_back({"node" + std::to_string(i), 6379, 1});
  return nodes;
}

std::uint64_t Bound(double eps, std::uint64_t keys, std::size_t nodes) {
  return static_cast<std::uint64_t>(std::ceil((1 + eps) * static_cast<double>(keys) / nodes));
}

std::uint64_t MaxLoad(const BoundedLoadPartitioner& p) {
  return *std::max_element(p.Loads().begin(), p.Loads().end());
}

}  // namespace

TEST_CASE("bounded-load never exceeds ceil((1+eps) * average)") {
  for (double eps : {0.01, 0.1, 0.25, 1.0}) {
    INFO("eps " << eps);
    BoundedLoadPartitioner p(Nodes(10), 1, eps);
    for (std::uint64_t m = 1; m <= 20000; ++m) {
      const std::size_t node = p.Assign("k" + std::to_string(m));
      REQUIRE(p.Loads()[node] <= Bound(eps, m, 10));  // only this node's load changed
    }
    CHECK(MaxLoad(p) <= Bound(eps, 20000, 10));
  }
}

TEST_CASE("the bound binds: a plain one-point ring is far above it") {
  RingPartitioner ring(Nodes(10), 1);
  std::vector<std::uint64_t> counts(10, 0);
  for (int m = 1; m <= 20000; ++m) ++counts[ring.Lookup("k" + std::to_string(m))];
  CHECK(*std::max_element(counts.begin(), counts.end()) > Bound(0.25, 20000, 10));
}

TEST_CASE("bounded-load keeps the bound across membership changes") {
  BoundedLoadPartitioner p(Nodes(8), 4, 0.1);
  for (int m = 0; m < 5000; ++m) p.Assign("k" + std::to_string(m));
  p.RemoveNode(2);
  CHECK(p.Assigned() == 5000);
  CHECK(MaxLoad(p) <= Bound(0.1, 5000, 7));
  p.AddNode({"new", 6379, 1});
  p.AddNode({"new2", 6379, 1});
  CHECK(MaxLoad(p) <= Bound(0.1, 5000, 9));
  std::uint64_t total = 0;
  for (std::uint64_t l : p.Loads()) total += l;
  CHECK(total == 5000);
}

TEST_CASE("bounded-load lookup agrees with assignment and release frees capacity") {
  BoundedLoadPartitioner p(Nodes(4), 10, 0.5);
  const std::size_t predicted = p.Lookup("alpha");
  CHECK(p.Assigned() == 0);  // Lookup does not count the key
  CHECK(p.Assign("alpha") == predicted);
  CHECK(p.Assign("alpha") == predicted);  // idempotent
  CHECK(p.Assigned() == 1);
  p.Release("alpha");
  CHECK(p.Assigned() == 0);
  CHECK(p.Loads()[predicted] == 0);
}
