// The one-pass LRU miss-ratio curve against full LRU replays, the libCacheSim
// known answers, and SHARDS sampling against the exact curve.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "eviction/mrc.h"
#include "eviction/replay.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

using namespace cachelab;
using namespace cachelab::eviction;

namespace {

ReplayTrace CloudPhysics() {
  std::string error;
  auto r = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin", {}, &error);
  ReplayTrace t;
  REQUIRE(LoadReplayTrace(*r, false, &t, &error));
  return t;
}

}  // namespace

// Source: libCacheSim test/test_evictionAlgo.c test_LRU at aa0fc409 (byte
// mode), and `cachesim cloudPhysicsIO.oracleGeneral.bin oracleGeneral lru
// 0.01,0.1 --ignore-obj-size 1` at the same commit (489 and 4,897 objects);
// both are rows of tests/data/libcachesim_expectations.tsv too.
TEST_CASE("stack distances reproduce the LRU known answers in one pass") {
  ReplayTrace t = CloudPhysics();
  const uint64_t MiB = 1 << 20;
  auto bytes = LruMissRatioCurve(t, {128 * MiB, 256 * MiB, 1024 * MiB}, {});
  CHECK(bytes[0].misses == 93374);
  CHECK(bytes[0].miss_bytes == 4214303232ULL);
  CHECK(bytes[1].misses == 89783);
  CHECK(bytes[1].miss_bytes == 4061242368ULL);
  CHECK(bytes[2].misses == 71704);
  CHECK(bytes[2].miss_bytes == 3061662720ULL);
  MrcOptions objects;
  objects.object_mode = true;
  auto obj = LruMissRatioCurve(t, {489, 4897}, objects);
  CHECK(obj[0].misses == 95420);
  CHECK(obj[1].misses == 91657);
}

TEST_CASE("the one-pass curve equals LRU replays on random constant-size traces") {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 10; ++round) {
    ReplayTrace t;
    std::vector<uint32_t> size_of(300);
    for (auto& s : size_of) s = 1 + rng() % 40;
    std::geometric_distribution<int> pick(0.02);
    for (int i = 0; i < 5000; ++i) {
      int id = pick(rng) % 300;
      t.ids.push_back(static_cast<uint64_t>(id));
      t.sizes.push_back(size_of[id]);
    }
    for (bool object_mode : {false, true}) {
      std::vector<uint64_t> sizes = {40, 100, 333, 1000, 5000};
      MrcOptions o;
      o.object_mode = object_mode;
      auto curve = LruMissRatioCurve(t, sizes, o);
      for (size_t k = 0; k < sizes.size(); ++k) {
        PolicyOptions po;
        po.capacity = sizes[k];
        auto lru = MakePolicy("lru", po, nullptr);
        ReplayResult r = Replay(t, *lru, ReplayConfig{sizes[k], object_mode});
        INFO("round " << round << " size " << sizes[k] << " object_mode " << object_mode);
        CHECK(curve[k].misses == r.misses);
        CHECK(curve[k].miss_bytes == r.miss_bytes);
      }
    }
  }
}

TEST_CASE("SHARDS at 10% stays close to the exact curve") {
  ReplayTrace t = CloudPhysics();
  std::vector<uint64_t> sizes = {1 << 26, 1 << 27, 1 << 28, 1 << 29, 1 << 30};
  auto exact = LruMissRatioCurve(t, sizes, {});
  MrcOptions sampled;
  sampled.shards_rate = 0.1;
  auto approx = LruMissRatioCurve(t, sizes, sampled);
  for (size_t k = 0; k < sizes.size(); ++k) {
    INFO("size " << sizes[k]);
    CHECK(std::fabs(approx[k].miss_ratio() - exact[k].miss_ratio()) < 0.03);
    CHECK(approx[k].requests > 100000);  // scaled back to the whole trace
  }
}
