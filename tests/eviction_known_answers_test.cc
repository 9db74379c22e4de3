// Exact miss counts from libCacheSim on the cloudPhysicsIO sample (see
// tests/data/README.md and the traces README): every encoding, both modes.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "eviction/replay.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

using namespace cachelab;
using namespace cachelab::eviction;

namespace {

const ReplayTrace& Load(const std::string& name) {
  static std::map<std::string, ReplayTrace> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  std::string error;
  auto reader = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/" + name, {}, &error);
  REQUIRE(reader);
  ReplayTrace t;
  REQUIRE(LoadReplayTrace(*reader, false, &t, &error));
  INFO(error);
  return cache.emplace(name, std::move(t)).first->second;
}

ReplayResult Run(const std::string& trace, const std::string& policy, uint64_t capacity, bool object_mode) {
  PolicyOptions o;
  o.capacity = capacity;
  std::string error;
  auto p = MakePolicy(policy, o, &error);
  REQUIRE(p);
  return Replay(Load(trace), *p, ReplayConfig{capacity, object_mode});
}

constexpr uint64_t kMiB = 1 << 20;

}  // namespace

TEST_CASE("working set of cloudPhysicsIO matches the README") {
  for (const char* f : {"cloudPhysicsIO.oracleGeneral.bin", "cloudPhysicsIO.vscsi.zst", "cloudPhysicsIO.csv.zst"}) {
    WorkingSet ws = ComputeWorkingSet(Load(f));
    CHECK(ws.objects == 48974);
    CHECK(ws.bytes == 2029769728ULL);
    CHECK(CacheSizeFromFraction(0.01, ws, true) == 489);
    CHECK(CacheSizeFromFraction(0.1, ws, true) == 4897);
    CHECK(CacheSizeFromFraction(0.01, ws, false) == 20297697);
    CHECK(CacheSizeFromFraction(0.1, ws, false) == 202976972);
  }
}

TEST_CASE("LRU byte mode on oracleGeneral matches libCacheSim's own test") {
  const char* f = "cloudPhysicsIO.oracleGeneral.bin";
  auto a = Run(f, "lru", 128 * kMiB, false);
  CHECK(a.requests == 113872);
  CHECK(a.misses == 93374);
  CHECK(a.miss_bytes == 4214303232ULL);
  CHECK(a.requested_bytes == 4368040448ULL);
  auto b = Run(f, "lru", 256 * kMiB, false);
  CHECK(b.misses == 89783);
  CHECK(b.miss_bytes == 4061242368ULL);
  auto c = Run(f, "lru", 1024 * kMiB, false);
  CHECK(c.misses == 71704);
  CHECK(c.miss_bytes == 3061662720ULL);
}

TEST_CASE("LRU byte mode on vscsi and csv: sizes change, hits keep the stored size") {
  for (const char* f : {"cloudPhysicsIO.vscsi.zst", "cloudPhysicsIO.csv.zst"}) {
    INFO(f);
    auto a = Run(f, "lru", 128 * kMiB, false);
    CHECK(a.requested_bytes == 4205978112ULL);
    CHECK(a.misses == 93151);
    CHECK(a.miss_bytes == 4035348480ULL);
    auto c = Run(f, "lru", 1024 * kMiB, false);
    CHECK(c.misses == 71702);
    CHECK(c.miss_bytes == 3059534336ULL);
  }
}

TEST_CASE("object mode LRU/FIFO/CLOCK/SIEVE at 489 and 4897 objects, all encodings") {
  struct Row {
    const char* policy;
    uint64_t at489, at4897;
  };
  const Row rows[] = {{"lru", 95420, 91657}, {"fifo", 96518, 91716}, {"clock", 95332, 91599}, {"sieve", 94419, 90040}};
  for (const char* f : {"cloudPhysicsIO.oracleGeneral.bin", "cloudPhysicsIO.vscsi.zst", "cloudPhysicsIO.csv.zst",
                        "cloudPhysicsIO.txt.zst"}) {
    for (const Row& row : rows) {
      INFO(f << " " << row.policy);
      CHECK(Run(f, row.policy, 489, true).misses == row.at489);
      CHECK(Run(f, row.policy, 4897, true).misses == row.at4897);
    }
  }
}
