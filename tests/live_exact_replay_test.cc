// The bar for exact pipelined replay: real traces replayed on a loopback
// redis-server with ample memory (no maxmemory, no TTL) give exactly the
// simulated Redis's hits and misses at every pipeline depth and connection
// count. Two independent expectations: the simulated store (RedisStore)
// replaying one request at a time, and the distinct-object counts the shared
// traces README publishes (cloudPhysicsIO 48,974; cache2k web07 20,484,
// web12 13,756), which are the misses of any cache that never evicts.
#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "live/live_replay.h"
#include "live/pipelined_replay.h"
#include "live/store_sink.h"
#include "sim/redis_store.h"
#include "support/redis_server.h"
#include "support/run_cli.h"
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

TEST_CASE("replay --compare-live prints the live run, its simulated twin and sim - live", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  std::string trace = std::string(CACHELAB_TEST_DATA) + "/web07.txt.zst";
  // Ample memory: both backends count exactly the 20,484 distinct keys as misses.
  auto r = testing::RunCli("replay --trace " + trace + " --backend " + server.url() +
                           " --compare-live --pipeline-depth 64 --connections 3 --no-store --json");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 3);
  CHECK(j[0]["backend"] != "sim");
  CHECK(j[1]["backend"] == "sim");
  CHECK(j[2]["backend"] == "sim - live");
  CHECK(j[0]["misses"] == 20484);
  CHECK(j[1]["misses"] == 20484);
  CHECK(j[2]["misses"] == 0);
  CHECK(j[1]["connections"] == 3);
  CHECK(j[1]["latency_histograms"] == 2);  // get and set, as the server's latency-tracking yes
  // --backend sim alone, and its usage errors.
  auto s = testing::RunCli("replay --trace " + trace + " --backend sim:maxmemory=2MiB,policy=allkeys-lru --no-store --json");
  REQUIRE(s.exit_code == 0);
  auto js = nlohmann::json::parse(s.out);
  CHECK(js[0]["cache_size"] == 2097152);
  CHECK(js[0]["misses"] > 20484);  // 2 MiB (less the empty server and 8 clients) holds fewer keys than the trace has
  CHECK(js[0]["used_memory"] <= 2097152);
  auto bad = testing::RunCli("replay --trace " + trace + " --backend sim:policy=lru2 --no-store");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("invalid policy 'lru2'") != std::string::npos);
  auto alone = testing::RunCli("replay --trace " + trace + " --backend sim --compare-live --no-store");
  CHECK(alone.exit_code == 2);
  CHECK(alone.err.find("--compare-live needs a live --backend") != std::string::npos);
}
