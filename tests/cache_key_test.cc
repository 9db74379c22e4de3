// CacheKey(k) is "k:" followed by k in decimal: against std::to_string (the
// standard library's own formatting) on the digit-count edges and on random
// keys of every length.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "sim/rng.h"
#include "strategies/harness.h"

using namespace cachelab;

TEST_CASE("CacheKey writes k: and the key in decimal") {
  CHECK(CacheKey(0) == "k:0");
  CHECK(CacheKey(7) == "k:7");
  CHECK(CacheKey(42) == "k:42");
  CHECK(CacheKey(100) == "k:100");
  CHECK(CacheKey(UINT64_MAX) == "k:18446744073709551615");
  for (uint64_t p = 1; p != 0 && p <= UINT64_MAX / 10; p *= 10)  // each power of ten and its neighbours
    for (uint64_t k : {p - 1, p, p + 1, 10 * p - 1})
      CHECK(CacheKey(k) == "k:" + std::to_string(k));
  Rng rng(18);
  for (int i = 0; i < 100000; ++i) {
    uint64_t k = rng.Next() >> rng.Below(64);  // every length of number
    REQUIRE(CacheKey(k) == "k:" + std::to_string(k));
  }
}

TEST_CASE("CacheKeyName holds the same name in its own buffer") {
  CHECK(CacheKeyName(UINT64_MAX).view() == "k:18446744073709551615");  // the longest: 22 of 23 bytes
  CHECK(CacheKeyName(0).view() == "k:0");
  Rng rng(1818);
  for (int i = 0; i < 100000; ++i) {
    uint64_t k = rng.Next() >> rng.Below(64);
    REQUIRE(std::string(CacheKeyName(k).view()) == "k:" + std::to_string(k));
  }
}
