// A crash: the node's keys are gone at once, every other node keeps all of
// its keys; until the client's membership catches up (detection delay) the
// crashed node's keys still route to it and time out; afterwards they go to
// the new owner (a miss there) and the other keys do not move (ring).
#include <catch2/catch.hpp>

#include "lab/cluster.h"
#include "lab/churn.h"
#include "strategies/harness.h"

using namespace cachelab;

namespace {

constexpr uint64_t kKeys = 2000;
constexpr uint32_t kCrashed = 2;

struct Probe {
  SimTime sent = 0, answered = -1;
  RedisReply reply;
  const SimRedis* node = nullptr;
};

}  // namespace

TEST_CASE("crash loses exactly that node's keys; requests time out until detection, then go to the new owner") {
  Simulator sim;
  ClusterConfig config;
  config.nodes = 4;
  config.detect_delay = 500 * kMillisecond;
  config.churn = ParseChurn("t=1s:crash:2");
  SimRedisConfig base;
  base.rtt = Distribution::Fixed(200 * kMicrosecond);
  base.service = Distribution::Fixed(2 * kMicrosecond);
  base.client_timeout = 100 * kMillisecond;
  Cluster c(sim, config, base, 1);
  c.Start(kKeys, {});

  std::vector<const SimRedis*> owner_before(kKeys);
  for (uint64_t k = 0; k < kKeys; ++k) {
    SimRedis& n = c.For(k);
    owner_before[k] = &n;
    n.store().Set(CacheKey(k), Blob{"v", 0}, {});
  }
  std::vector<uint64_t> size_before;
  for (size_t i = 0; i < 4; ++i) size_before.push_back(c.node(i).store().size());
  REQUIRE(size_before[kCrashed] > 0);
  uint64_t victim = 0;
  while (owner_before[victim] != &c.node(kCrashed)) ++victim;
  uint64_t survivor = 0;
  while (owner_before[survivor] == &c.node(kCrashed)) ++survivor;

  std::vector<Probe> probes;
  auto get_at = [&](SimTime t, uint64_t key) {
    sim.ScheduleAt(t, [&, t, key] {
      size_t i = probes.size();
      probes.push_back({t, -1, {}, &c.For(key)});
      c.For(key).Get(CacheKey(key), [&, i](RedisReply&& r) {
        probes[i].answered = sim.Now();
        probes[i].reply = std::move(r);
      });
    });
  };
  get_at(1100 * kMillisecond, victim);    // crashed, not yet detected
  get_at(1400 * kMillisecond, victim);
  get_at(1600 * kMillisecond, victim);    // detected at 1.5s
  get_at(1600 * kMillisecond, survivor);
  sim.RunUntil(1050 * kMillisecond);
  CHECK(c.node(kCrashed).store().size() == 0);
  for (size_t i = 0; i < 4; ++i)
    if (i != kCrashed) CHECK(c.node(i).store().size() == size_before[i]);
  REQUIRE(c.changes().size() == 1);
  CHECK(c.changes()[0].keys_lost == size_before[kCrashed]);
  sim.RunUntil(2 * kSecond);

  REQUIRE(probes.size() == 4);
  for (int i : {0, 1}) {
    CHECK(probes[i].node == &c.node(kCrashed));
    CHECK(probes[i].reply.is_error());
    CHECK(probes[i].answered - probes[i].sent == base.client_timeout);
  }
  CHECK(probes[2].node != &c.node(kCrashed));
  CHECK(probes[2].reply.is_nil());  // the new owner never had it
  CHECK(probes[2].answered - probes[2].sent == 202 * kMicrosecond);
  CHECK(probes[3].node == owner_before[survivor]);
  CHECK(probes[3].reply.str.data == "v");
  // Consistent hashing: only the crashed node's keys moved.
  for (uint64_t k = 0; k < kKeys; ++k)
    if (owner_before[k] != &c.node(kCrashed)) REQUIRE(&c.For(k) == owner_before[k]);
  CHECK(c.changes()[0].view_t == 1500 * kMillisecond);
  CHECK(c.changes()[0].remapped == Approx(static_cast<double>(size_before[kCrashed]) / kKeys));
}
