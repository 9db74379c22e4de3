// Maglev (Eisenbud et al., "Maglev: A Fast and Reliable Software Network Load
// Balancer", NSDI 2016). The permutations below are those of the paper's
// Table 1 (M = 7; B0: offset 3, skip 4; B1: offset 0, skip 2; B2: offset 3,
// skip 1); the expected tables were derived by hand from its Pseudocode 1.
#include <catch2/catch.hpp>
#include <algorithm>

#include "strategies/partitioners/maglev_partitioner.h"

using namespace cachelab;

TEST_CASE("maglev population follows the paper's example") {
  using P = MaglevPartitioner::Permutation;
  const std::vector<std::uint32_t> before = {1, 0, 1, 0, 2, 2, 0};
  CHECK(MaglevPartitioner::Populate({P{3, 4, 1}, P{0, 2, 1}, P{3, 1, 1}}, 7) == before);
  // B1 removed: its slots 0 and 2 go to B0, and slot 6 moves from B0 to B2 --
  // the extra disruption Maglev accepts for balance.
  const std::vector<std::uint32_t> after = {0, 0, 0, 0, 1, 1, 1};  // indices into {B0, B2}
  CHECK(MaglevPartitioner::Populate({P{3, 4, 1}, P{3, 1, 1}}, 7) == after);
}

TEST_CASE("maglev equal weights: slot counts differ by at most one") {
  std::vector<NodeSpec> nodes;
  for (int i = 0; i < 13; ++i) nodes.push_back({"b" + std::to_string(i), 80, 1});
  MaglevPartitioner m(nodes, 65537);
  std::vector<std::uint64_t> counts(13, 0);
  for (std::uint32_t owner : m.table()) ++counts[owner];
  CHECK(*std::max_element(counts.begin(), counts.end()) - *std::min_element(counts.begin(), counts.end()) <= 1);
}

TEST_CASE("maglev weights: a weight-3 node gets three times the slots") {
  MaglevPartitioner m(ParseNodeList("a:1:1,b:1:3"), 10007);
  std::uint64_t heavy = std::count(m.table().begin(), m.table().end(), 1u);
  CHECK(heavy >= 3 * 10007 / 4 - 2);
  CHECK(heavy <= 3 * 10007 / 4 + 2);
}

TEST_CASE("maglev rejects a table size that is not prime") {
  CHECK_THROWS_AS(MaglevPartitioner(ParseNodeList("a:1"), 65536), std::invalid_argument);
  CHECK_THROWS_AS(MaglevPartitioner(ParseNodeList("a:1,b:1,c:1"), 3), std::invalid_argument);
  CHECK(IsPrime(65537));
  CHECK_FALSE(IsPrime(1));
}
