// DenseIds numbers ids in order of first appearance, by an array while the ids
// are small integers and by a hash map once they are not. Expectation: a
// std::unordered_map giving each new id the next number, on random ids drawn
// from ranges that keep the array, grow it, and force the move to the map.
#include <catch2/catch.hpp>
#include <random>
#include <unordered_map>

#include "eviction/dense_ids.h"

using cachelab::eviction::DenseIds;

namespace {

// Numbers every id through `ids` and the model; true when all agree.
template <class Draw>
void NumberAll(DenseIds& ids, std::unordered_map<uint64_t, uint32_t>& model, int n, Draw draw) {
  for (int i = 0; i < n; ++i) {
    const uint64_t id = draw();
    auto [it, added] = model.try_emplace(id, static_cast<uint32_t>(model.size()));
    bool fresh = false;
    const uint32_t got = ids.Number(id, &fresh);
    INFO("request " << i << ", id " << id);
    REQUIRE(got == it->second);
    REQUIRE(fresh == added);
  }
  REQUIRE(ids.count() == model.size());
}

}  // namespace

TEST_CASE("small ids: numbered by the array, as the model does") {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<uint64_t> small(0, 999'999);  // below the 2^20 floor
  DenseIds ids;
  std::unordered_map<uint64_t, uint32_t> model;
  NumberAll(ids, model, 200'000, [&] { return small(rng); });
  CHECK(ids.by_array());
  CHECK(ids.MemoryBytes() <= (size_t{1} << 20) * 4 + 4096);  // the array, at most 2^20 ids long
}

TEST_CASE("ids that outgrow the array move to the map with their numbers") {
  std::mt19937_64 rng(11);
  DenseIds ids;
  std::unordered_map<uint64_t, uint32_t> model;
  // First ids below 2^20 (the array's floor), then up to 2^21: an array of 2^21 entries is allowed
  // from 131,072 distinct ids on (8 x 131,072 + 2^20 = 2^21), and there are ~180,000 by then.
  std::uniform_int_distribution<uint64_t> small(0, 999'999), mid(0, (1 << 21) - 1);
  NumberAll(ids, model, 200'000, [&] { return small(rng); });
  REQUIRE(model.size() > 131'072);
  NumberAll(ids, model, 200'000, [&] { return mid(rng); });
  CHECK(ids.by_array());
  // One id far beyond: the array would need 2^34 entries.
  NumberAll(ids, model, 1, [] { return uint64_t{1} << 33; });
  CHECK_FALSE(ids.by_array());
  // Old and new ids alike, by the map now, the same numbers as before.
  std::uniform_int_distribution<uint64_t> any(0, uint64_t{1} << 40);
  int k = 0;
  NumberAll(ids, model, 200'000, [&] { return (k++ % 2) ? mid(rng) : any(rng); });
  CHECK_FALSE(ids.by_array());
}

TEST_CASE("hashed 64-bit ids go to the map at once") {
  std::mt19937_64 rng(13);
  DenseIds ids;
  std::unordered_map<uint64_t, uint32_t> model;
  std::vector<uint64_t> pool(50'000);
  for (auto& id : pool) id = rng();  // a Zipf-like reuse of hashed ids
  std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
  NumberAll(ids, model, 300'000, [&] { return pool[std::min(pick(rng), pick(rng))]; });
  CHECK_FALSE(ids.by_array());
  CHECK(ids.MemoryBytes() < size_t{4} << 20);  // no array spanning the ids' range
}

// NumberRun, the batched form the replay uses, against the same model: runs of
// requests with size-0 ones (kNone, not numbered) that start by the array,
// cross into the map in the middle of a run (an id far beyond), and make the
// map grow in the middle of a run (from 16 slots, no ExpectRequests), with ids
// whose homes collide (multiples of 2^40 share their low bits).
TEST_CASE("NumberRun: the same numbers and new ids as the model, across the move to the map and growth") {
  std::mt19937_64 rng(17);
  DenseIds ids;
  std::unordered_map<uint64_t, uint32_t> model;
  std::uniform_int_distribution<uint64_t> small(0, 99'999), any(0, uint64_t{1} << 50);
  std::uniform_int_distribution<int> kind(0, 9);
  size_t map_bytes = 0;
  for (int run = 0; run < 40; ++run) {
    const size_t n = 1 + static_cast<size_t>(rng() % 20'000);
    std::vector<uint64_t> in(n);
    std::vector<uint32_t> sizes(n), out(n, 7);
    for (size_t i = 0; i < n; ++i) {
      const int k = kind(rng);
      in[i] = run < 10 ? small(rng) : k < 4 ? small(rng) : k < 8 ? any(rng) : (rng() % 64) << 40;
      sizes[i] = k == 9 ? 0 : 1 + static_cast<uint32_t>(rng() % 100);
    }
    if (run == 10) in[n / 2] = uint64_t{1} << 45, sizes[n / 2] = 1;  // the move to the map, mid-run
    std::vector<size_t> fresh;
    ids.NumberRun(in.data(), sizes.data(), n, out.data(), [&](size_t i) { fresh.push_back(i); });
    std::vector<size_t> want_fresh;
    for (size_t i = 0; i < n; ++i) {
      INFO("run " << run << ", request " << i << ", id " << in[i]);
      if (sizes[i] == 0) {
        REQUIRE(out[i] == DenseIds::kNone);
        continue;
      }
      auto [it, added] = model.try_emplace(in[i], static_cast<uint32_t>(model.size()));
      if (added) want_fresh.push_back(i);
      REQUIRE(out[i] == it->second);
    }
    REQUIRE(fresh == want_fresh);
    REQUIRE(ids.count() == model.size());
    if (run == 9) REQUIRE(ids.by_array());
    if (run == 10) REQUIRE_FALSE(ids.by_array());
    if (run == 10) map_bytes = ids.MemoryBytes();
  }
  CHECK(ids.MemoryBytes() > map_bytes);  // the map grew during the runs after the move
  // Number() after NumberRun agrees too (the same tables).
  NumberAll(ids, model, 10'000, [&] { return any(rng) % 4 ? small(rng) : any(rng); });
}
