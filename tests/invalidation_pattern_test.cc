// Pattern invalidation: SCAN MATCH visits the whole keyspace whatever matches
// (keys scanned == keyspace size), and the DEL removes exactly the family.
#include <catch2/catch.hpp>

#include "strategies/invalidation/pattern_invalidation.h"
#include "tests/invalidation_support.h"

using namespace cachelab;
using cachelab::testing::InvalidationHarness;

TEST_CASE("pattern: family patterns") {
  CHECK(PatternInvalidation::FamilyPattern(12345) == "k:1234?");
  CHECK(PatternInvalidation::FamilyPattern(7) == "k:?");
  CHECK(PatternInvalidation::FamilyPattern(10) == "k:1?");
}

TEST_CASE("pattern: one invalidation scans the whole keyspace and deletes exactly its family") {
  const uint64_t keyspace = 5000;
  InvalidationConfig ic;
  ic.keys = keyspace;
  ic.pattern_fraction = 1;
  ic.scan_count = 100;
  InvalidationHarness h("pattern", ic);
  h.WarmUp(keyspace);
  h.RunUntil(100 * kMillisecond);
  REQUIRE(h.store().size() == keyspace);
  uint64_t scanned_before = h.store().stats().scanned_keys;
  SimTime start = h.sim().Now();
  h.At(start, Op::kSet, 1234);
  h.RunUntil(start + 1 * kSecond);
  REQUIRE(h.writes_done() == 1);
  CHECK(h.store().stats().scanned_keys - scanned_before == keyspace);
  auto& p = h.scheme<PatternInvalidation>();
  CHECK(p.scan_commands() >= keyspace / 100);  // COUNT is a hint: at least keyspace / COUNT calls
  for (uint64_t k = 0; k < keyspace; ++k) {
    bool family = k >= 1230 && k <= 1239;
    if (h.Exists(CacheKey(k)) == family) FAIL("key " << k);
  }
  CHECK(h.store().size() == keyspace - 10);
  RunReport r;
  p.Report(&r);
  CHECK(r.GetNumber("pattern_keys_deleted") == 10);
  // Sequential SCANs: at least one round trip each, plus DEL.
  CHECK(r.GetNumber("pattern_invalidation_ms.max") >= 0.2 * (p.scan_commands() + 1) * 0.99);
}
