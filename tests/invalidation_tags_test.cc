// Tag-based invalidation: a write invalidates exactly the keys carrying the
// written key's tag (key k has tag k % tags), and tag sets keep stale members
// when keys expire on their own.
#include <catch2/catch.hpp>

#include "strategies/invalidation/tag_invalidation.h"
#include "tests/invalidation_support.h"

using namespace cachelab;
using cachelab::testing::InvalidationHarness;

TEST_CASE("tags: invalidating a tag removes exactly the tagged keys and the set") {
  InvalidationConfig ic;
  ic.keys = 100;
  ic.tags = 10;
  InvalidationHarness h("tags", ic);
  h.WarmUp(100);
  h.RunUntil(100 * kMillisecond);
  REQUIRE(h.store().size() == 110);  // 100 keys + 10 tag sets
  CHECK(h.store().SCard("tag:3").integer == 10);
  h.At(h.sim().Now(), Op::kSet, 23);  // tag 3
  h.RunUntil(200 * kMillisecond);
  REQUIRE(h.writes_done() == 1);
  for (uint64_t k = 0; k < 100; ++k) {
    INFO("key " << k);
    CHECK(h.Exists(CacheKey(k)) == (k % 10 != 3));
  }
  CHECK_FALSE(h.Exists("tag:3"));
  for (int t = 0; t < 10; ++t)
    if (t != 3) CHECK(h.store().SCard("tag:" + std::to_string(t)).integer == 10);
  auto& tags = h.scheme<TagInvalidation>();
  CHECK(tags.StaleMembers() == 0);
  CHECK(tags.TagSetMemory() > 0);
}

TEST_CASE("tags: keys that expire on their own stay behind as stale members") {
  InvalidationConfig ic;
  ic.keys = 100;
  ic.tags = 10;
  ic.ttl = 10 * kSecond;
  InvalidationHarness h("tags", ic);
  h.WarmUp(100);
  h.RunUntil(11 * kSecond);
  auto& tags = h.scheme<TagInvalidation>();
  CHECK(tags.StaleMembers() == 100);
  CHECK(h.store().SCard("tag:0").integer == 10);  // the set still lists them
  CHECK_FALSE(h.Exists("k:0"));

  ic.tag_set_expire = true;  // the fix: sets expire with their newest member
  InvalidationHarness clean("tags", ic);
  clean.WarmUp(100);
  clean.RunUntil(11 * kSecond);
  CHECK(clean.scheme<TagInvalidation>().StaleMembers() == 0);
  CHECK(clean.store().size() == 0);
  CHECK(clean.scheme<TagInvalidation>().TagSetMemory() == 0);
}
