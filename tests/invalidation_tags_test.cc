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

TEST_CASE("tags: on two nodes a write invalidates the tag's members on both, from the one set") {
  // Hand-worked: tags = 3, so tag 1 = keys 1, 4, 7, 10; odd keys live on the
  // second node, and "tag:1" with object 1 there too. A write of key 4 (first
  // node) must still reach keys 1 and 7 on the second.
  InvalidationConfig ic;
  ic.keys = 12;
  ic.tags = 3;
  InvalidationHarness h("tags", ic);
  h.SplitOddKeysToSecondNode();
  for (uint64_t k : {1, 4, 7, 10, 2}) h.At(0, Op::kGet, k);  // misses fill and tag them
  h.RunUntil(100 * kMillisecond);
  REQUIRE(h.store2().SCard("tag:1").integer == 4);  // one set for the tag, wherever its members live
  CHECK_FALSE(h.Exists("tag:1"));
  REQUIRE(h.store().Exists({"k:4", "k:10", "k:2"}).integer == 3);
  REQUIRE(h.store2().Exists({"k:1", "k:7"}).integer == 2);
  h.At(h.sim().Now(), Op::kSet, 4);
  h.RunUntil(200 * kMillisecond);
  REQUIRE(h.writes_done() == 1);
  CHECK(h.store().Exists({"k:4", "k:10"}).integer == 0);
  CHECK(h.store2().Exists({"k:1", "k:7", "tag:1"}).integer == 0);
  CHECK(h.store().Exists({"k:2"}).integer == 1);  // tag 2: untouched
  CHECK(h.Report().GetNumber("tag_keys_deleted") == 4);
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
