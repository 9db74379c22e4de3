// KeyRows: per-key rows created at first touch. Expectations are by hand.
#include <catch2/catch.hpp>

#include "sim/key_rows.h"

using namespace cachelab;

TEST_CASE("KeyRows creates a row at first touch only, in first-touch order") {
  KeyRows<uint64_t> rows;
  CHECK(rows.size() == 0);
  CHECK(rows.Find(5) == nullptr);
  rows.Get(5) = 50;
  rows.Get(uint64_t{1} << 40) = 40;
  rows.Get(uint64_t{1} << 24 | 5) = 24;  // aliased with key 5 by the old key % 2^24 slots
  rows.Get(5) += 1;
  REQUIRE(rows.size() == 3);
  CHECK(*rows.Find(5) == 51);
  CHECK(*rows.Find(uint64_t{1} << 40) == 40);
  CHECK(*rows.Find(uint64_t{1} << 24 | 5) == 24);
  CHECK(rows.Find(6) == nullptr);
  CHECK(rows.rows() == std::vector<uint64_t>{51, 40, 24});
}

TEST_CASE("KeyRows memory follows the keys touched, not the largest key id") {
  KeyRows<uint64_t> rows;
  for (uint64_t k = 0; k < 1000; ++k) rows.Get(k * 10'000'019);  // ids up to ~10^10
  CHECK(rows.size() == 1000);
  // 1000 rows of 8 bytes plus a map of 12-byte slots at <= 1/2 load: a few tens of KB,
  // where a vector indexed by key id would need ~80 GB.
  CHECK(rows.MemoryBytes() < 64 * 1024);
  for (uint64_t k = 0; k < 1000; ++k) CHECK(rows.Find(k * 10'000'019) != nullptr);
}
