// The same trace replayed on a real redis-server and on the simulated Redis,
// through the same pipelined command sequence (GET, SET on a miss): with
// ample memory the hit counts are identical; under maxmemory with allkeys-lru
// (same maxmemory-samples) the hit ratios are within 1 percentage point.
#include <catch2/catch.hpp>
#include <cstdio>

#include "live/key_cleanup.h"
#include "live/live_sink.h"
#include "live/pipelined_replay.h"
#include "live/server_info.h"
#include "live/store_sink.h"
#include "sim/redis_store.h"
#include "support/redis_server.h"
#include "workloads/synthetic.h"
#include "workloads/trace_loader.h"

using namespace cachelab;

namespace {

eviction::ReplayTrace ZipfTrace(uint64_t requests) {
  SyntheticConfig c;
  c.keys = 100000;
  c.alpha = 0.9;
  c.read_fraction = 1.0;
  c.requests = requests;
  REQUIRE(Distribution::Parse("uniform(100,400)", Distribution::Unit::kBytes, &c.value_size).empty());
  SyntheticWorkload w(c, 7);
  eviction::ReplayTrace t;
  std::string err;
  REQUIRE(LoadReplayTrace(w, false, &t, &err));
  return t;
}

struct Pair {
  live::PipelinedReplayResult real, sim;
};

Pair ReplayBoth(testing::RedisServer& server, const eviction::ReplayTrace& trace, const RedisConfig& sim_config) {
  live::RedisCluster cluster({server.endpoint()}, {});
  live::LiveSink live_sink(cluster);
  live::PipelinedReplayConfig cfg;
  // A shallow pipeline keeps the server's client buffers (which count in
  // used_memory, so they take room from keys) small next to the key budget.
  cfg.depth = 8;
  cfg.record_batch_times = true;
  Pair p;
  p.real = live::PipelinedReplay(trace, live_sink, cfg);
  RedisStore store(sim_config);
  live::StoreSink store_sink(store, p.real.batch_ms);
  p.sim = live::PipelinedReplay(trace, store_sink, cfg);
  std::printf("  real: hit ratio %.4f (%llu evicted)   sim: hit ratio %.4f (%llu evicted)\n", 1 - p.real.miss_ratio(),
              static_cast<unsigned long long>(live::InfoNumber(cluster.conn(0), "stats", "evicted_keys")),
              1 - p.sim.miss_ratio(), static_cast<unsigned long long>(store.stats().evicted_keys));
  CHECK(live::DeleteKeysWithPrefix(cluster, cfg.prefix) >= 0);
  return p;
}

}  // namespace

TEST_CASE("with ample memory the live and simulated replays hit identically", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  auto trace = ZipfTrace(200000);
  Pair p = ReplayBoth(server, trace, RedisConfig{});
  CHECK(p.real.failed() == 0);
  CHECK(p.real.requests == p.sim.requests);
  CHECK(p.real.hits == p.sim.hits);
}

TEST_CASE("under maxmemory allkeys-lru the hit ratios agree within 1 percentage point", "[live]") {
  const uint64_t kBudget = 8 << 20;  // bytes of keys, beyond the empty server's own
  testing::RedisServer probe;
  REQUIRE_REDIS_SERVER(probe);
  live::RedisConn pc(probe.endpoint(), {});
  REQUIRE(pc.EnsureConnected());
  int64_t base = live::InfoNumber(pc, "memory", "used_memory");
  REQUIRE(base > 0);
  uint64_t maxmemory = static_cast<uint64_t>(base) + kBudget;
  testing::RedisServer server({"--maxmemory", std::to_string(maxmemory), "--maxmemory-policy", "allkeys-lru",
                               "--maxmemory-samples", "5"});
  REQUIRE(server.available());
  RedisConfig sim;
  sim.maxmemory = maxmemory;
  sim.maxmemory_policy = "allkeys-lru";
  sim.maxmemory_samples = 5;
  sim.base_memory = static_cast<uint64_t>(base);
  auto trace = ZipfTrace(400000);
  Pair p = ReplayBoth(server, trace, sim);
  CHECK(p.real.failed() == 0);
  CHECK(p.real.rejected == 0);
  double real = 1 - p.real.miss_ratio(), simulated = 1 - p.sim.miss_ratio();
  CHECK(real < 0.95);  // memory really was the limit
  CHECK(std::abs(real - simulated) <= 0.01);
}
