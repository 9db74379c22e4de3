// KeyIds grows its map at 7/8 load, IdMap by default at 1/2 (issue 18's
// memory goal). Expectations by hand: 12-byte slots, 32 at first, doubling;
// a map of capacity c grows when an insert would take it past c * load.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "eviction/id_map.h"
#include "sim/key_ids.h"

using cachelab::KeyIds;
using cachelab::kNoKeyId;
using cachelab::eviction::IdMap;

TEST_CASE("IdMap's default grows past 1/2 load: 16 ids in 32 slots, the 17th doubles them") {
  IdMap m;  // sized for 16 at 1/2: 32 slots
  for (uint64_t k = 0; k < 16; ++k) m.Put(k * 4096, static_cast<uint32_t>(k));
  CHECK(m.MemoryBytes() == 32 * 12);
  m.Put(16 * 4096, 16);
  CHECK(m.MemoryBytes() == 64 * 12);
  for (uint64_t k = 0; k <= 16; ++k) CHECK(m.Find(k * 4096) == k);
}

TEST_CASE("KeyIds grows past 7/8 load: 28 keys in 32 slots, 56 in 64, the 57th doubles them") {
  KeyIds ids;  // 32 slots at first, as IdMap's
  for (uint64_t k = 0; k < 28; ++k) CHECK(ids.Intern(1000 + k * 7) == k);
  CHECK(ids.MemoryBytes() == 32 * 12);
  CHECK(ids.Intern(1000 + 28 * 7) == 28);
  CHECK(ids.MemoryBytes() == 64 * 12);
  for (uint64_t k = 29; k < 56; ++k) ids.Intern(1000 + k * 7);
  CHECK(ids.MemoryBytes() == 64 * 12);
  ids.Intern(1000 + 56 * 7);
  CHECK(ids.MemoryBytes() == 128 * 12);
}

TEST_CASE("KeyIds at 7/8 load: dense ids in first-touch order, found again, over strided and random keys") {
  KeyIds ids;
  std::vector<uint64_t> keys;
  uint64_t x = 0x9E3779B97F4A7C15ULL;  // xorshift64: random 64-bit keys
  for (int i = 0; i < 100000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    keys.push_back(i % 2 ? x : static_cast<uint64_t>(i) * 4096);  // and block-number-like strides
  }
  for (size_t i = 0; i < keys.size(); ++i) REQUIRE(ids.Intern(keys[i]) == i);
  for (size_t i = 0; i < keys.size(); ++i) REQUIRE(ids.Find(keys[i]) == i);
  for (size_t i = 0; i < keys.size(); ++i) REQUIRE(ids.Intern(keys[i]) == i);  // no new id for a known key
  CHECK(ids.size() == keys.size());
  CHECK(ids.Find(1) == kNoKeyId);
  // 100,000 keys: 131,072 slots (76% full) at 7/8; 262,144 at 1/2.
  CHECK(ids.MemoryBytes() == 131072 * 12);
}
