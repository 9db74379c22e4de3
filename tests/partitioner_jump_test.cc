// Jump consistent hash against published golden values.
// Source 1: Guava (google/guava, commit 3dc3312423209098720e638ac3cb6884fbe77b75),
//   guava-tests/test/com/google/common/hash/HashingTest.java,
//   testConsistentHash_linearCongruentialGeneratorCompatibility ("golden"
//   values to check implementations across languages are equivalent).
// Source 2: dgryski/go-jump (commit ba001c3ffce0e68cf0b1bb7780dee8e9f45f7786), jump_test.go, TestHash ("Generated from the
//   reference C++ code"): Hash(key, i+1) for buckets 1..19/20.
#include <catch2/catch.hpp>

#include "strategies/partitioners/jump_partitioner.h"

using namespace cachelab;

TEST_CASE("jump matches Guava's golden values") {
  const std::int32_t golden100[] = {0, 55, 62, 8, 45, 59, 86, 97, 82, 59, 73, 37, 17, 56, 86, 21, 90, 37, 38, 83};
  for (std::uint64_t i = 0; i < 20; ++i) {
    INFO(i);
    CHECK(JumpConsistentHash(i, 100) == golden100[i]);
  }
  CHECK(JumpConsistentHash(10863919174838991ULL, 11) == 6);
  CHECK(JumpConsistentHash(2016238256797177309ULL, 11) == 3);
  CHECK(JumpConsistentHash(1673758223894951030ULL, 11) == 5);
  CHECK(JumpConsistentHash(2, 100001) == 80343);
  CHECK(JumpConsistentHash(2201, 100001) == 22152);
  CHECK(JumpConsistentHash(2202, 100001) == 15018);
}

TEST_CASE("jump matches go-jump's table generated from the reference C++") {
  struct Row {
    std::uint64_t key;
    std::vector<std::int32_t> buckets;  // result for num_buckets = 1, 2, ...
  };
  const Row rows[] = {
      {0, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
      {1, {0, 0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 17, 17}},
      {0xdeadbeef, {0, 1, 2, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 16, 16, 16}},
      {0x0ddc0ffeebadf00d, {0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 15, 15, 15, 15}},
  };
  for (const Row& r : rows) {
    for (std::size_t i = 0; i < r.buckets.size(); ++i) {
      INFO("key " << r.key << " buckets " << i + 1);
      CHECK(JumpConsistentHash(r.key, static_cast<std::int32_t>(i + 1)) == r.buckets[i]);
    }
  }
}

TEST_CASE("jump partitioner: integer keys are buckets, removal swaps in the last node") {
  JumpPartitioner p(ParseNodeList("a:1,b:2,c:3"));
  for (std::uint64_t k = 0; k < 1000; ++k) REQUIRE(p.Lookup(k) == static_cast<std::size_t>(JumpConsistentHash(k, 3)));
  p.RemoveNode(0);
  REQUIRE(p.Nodes().size() == 2);
  CHECK(p.Nodes()[0].host == "c");
  CHECK(p.Nodes()[1].host == "b");
  p.RemoveNode(1);
  p.RemoveNode(0);
  CHECK(p.Lookup(std::uint64_t{5}) == Partitioner::kNoNode);
}
