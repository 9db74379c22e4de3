// The bar for exact pipelined replay: real traces replayed on a loopback
// redis-server with ample memory (no maxmemory, no TTL) give exactly the
// simulated Redis's hits and misses at every pipeline depth and connection
// count. Two independent expectations: the simulated store (RedisStore)
// replaying one request at a time, and the distinct-object counts the shared
// traces README publishes (cloudPhysicsIO 48,974; cache2k web07 20,484,
// web12 13,756), which are the misses of any cache that never evicts.
#include <catch2/catch.hpp>
#include <cstdio>

#include "live/live_replay.h"
#include "live/pipelined_replay.h"
#include "live/store_sink.h"
#include "sim/redis_store.h"
#include "support/redis_server.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

using namespace cachelab;

namespace {

eviction::ReplayTrace Load(const std::string& name) {
  std::string err;
  auto reader = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/" + name, TraceOpenOptions{}, &err);
  REQUIRE(reader);
  eviction::ReplayTrace t;
  REQUIRE(LoadReplayTrace(*reader, false, &t, &err));
  return t;
}

live::PipelinedReplayResult Simulated(const eviction::ReplayTrace& trace) {
  RedisStore store(RedisConfig{});
  live::StoreSink sink(store, {});
  live::PipelinedReplayConfig cfg;
  cfg.depth = 1;
  return live::PipelinedReplay(trace, sink, cfg);
}

}  // namespace

TEST_CASE("a pipelined replay keeps per-key order: a repeat in the batch waits for the fill", "[live]") {
  // Hand-made: keys 1 1 2 1 3 2 at depth 8. Sequentially: a miss and a fill
  // for each new key, then hits for every repeat: 3 misses, 3 hits, whatever the depth.
  eviction::ReplayTrace t;
  for (uint64_t id : {1, 1, 2, 1, 3, 2}) {
    t.ids.push_back(id);
    t.sizes.push_back(10);
  }
  RedisStore store(RedisConfig{});
  live::StoreSink sink(store, {});
  live::PipelinedReplayConfig cfg;
  cfg.depth = 8;
  auto r = live::PipelinedReplay(t, sink, cfg);
  CHECK(r.misses == 3);
  CHECK(r.hits == 3);
  CHECK(r.held == 3);     // the second and third 1, the second 2
  CHECK(r.batches == 2);  // [1 2 3] [SET 1 2 3, 1 1 2]: once filled, 1 may repeat in a batch
}

TEST_CASE("live replays of real traces count exactly like the simulated Redis at every depth", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  struct Case {
    const char* file;
    uint64_t distinct;  // shared traces README
  };
  for (Case c : {Case{"cloudPhysicsIO.txt.zst", 48974}, Case{"web07.txt.zst", 20484}, Case{"web12.txt.zst", 13756}}) {
    auto trace = Load(c.file);
    auto sim = Simulated(trace);
    INFO(c.file);
    CHECK(sim.misses == c.distinct);
    struct Run {
      size_t depth, connections;
    };
    for (Run run : {Run{1, 1}, Run{32, 1}, Run{128, 1}, Run{1024, 1}, Run{32, 4}, Run{1024, 4}}) {
      live::LiveReplaySettings s;
      s.endpoints = {server.endpoint()};
      s.depth = run.depth;
      s.connections = run.connections;
      s.prefix = "exact:";
      RunReport r = live::LiveReplay(trace, s);
      INFO("depth " << run.depth << ", connections " << run.connections);
      std::printf("  %s depth %zu x%zu: misses %.0f held %.0f\n", c.file, run.depth, run.connections,
                  r.GetNumber("misses"), r.GetNumber("held_requests"));
      CHECK(r.GetNumber("failed_ops") == 0);
      CHECK(r.GetNumber("requests") == static_cast<double>(sim.requests));
      CHECK(r.GetNumber("misses") == static_cast<double>(sim.misses));
      CHECK(r.GetNumber("hits") == static_cast<double>(sim.hits));
      CHECK(r.GetNumber("evictions") == 0);
      CHECK(r.GetNumber("keys_removed") == static_cast<double>(c.distinct));
    }
  }
}
