// Version keys: after a write bumps the version, the next read misses the old
// entry (it asks for the new name) and is served the new value; the old entry
// stays in Redis as an orphan until its TTL.
#include <catch2/catch.hpp>

#include "strategies/invalidation/version_invalidation.h"
#include "tests/invalidation_support.h"

using namespace cachelab;
using cachelab::testing::InvalidationHarness;

TEST_CASE("version: a bump makes the old value unreachable on the next read") {
  InvalidationConfig ic;
  ic.keys = 100;
  ic.ttl = 10 * kSecond;
  InvalidationHarness h("version", ic);
  h.At(0, Op::kGet, 7);                    // miss, fills k:7:v0 at ~1.4 ms
  h.At(10 * kMillisecond, Op::kGet, 7);    // hit v0
  h.At(20 * kMillisecond, Op::kSet, 7);    // DB commit at 22 ms, INCR answered at 22.2 ms
  h.At(30 * kMillisecond, Op::kGet, 7);    // must miss and read v1
  h.At(40 * kMillisecond, Op::kGet, 7);    // hit v1
  h.RunUntil(1 * kSecond);
  const auto& s = h.served();
  REQUIRE(s.size() == 4);
  CHECK_FALSE(s[0].read.hit);
  CHECK(s[1].read.hit);
  CHECK(s[1].read.version == 0);
  CHECK_FALSE(s[2].read.hit);
  CHECK(s[2].read.version == 1);
  CHECK(s[3].read.hit);
  CHECK(s[3].read.version == 1);
  auto& v = h.scheme<VersionInvalidation>();
  CHECK(v.version(7) == 1);
  CHECK(h.Exists("k:7:v0"));  // orphaned, still holding memory
  CHECK(h.Exists("k:7:v1"));
  CHECK(h.Exists("ver:k:7"));
  CHECK(v.orphans() == 1);
  CHECK(v.orphan_bytes() > 100);
  h.RunUntil(11 * kSecond);  // past the orphan's TTL
  CHECK_FALSE(h.Exists("k:7:v0"));
  CHECK(v.orphans() == 0);
}
