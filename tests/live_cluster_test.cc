// Three live Redis nodes behind the client-side partitioner: every node gets
// a share of the keys, the hits equal the simulated single Redis's (ample
// memory: partitioning moves keys, it does not lose them), and the lab's keys
// are gone from every node afterwards.
#include <catch2/catch.hpp>

#include "live/key_cleanup.h"
#include "live/live_replay.h"
#include "live/pipelined_replay.h"
#include "live/store_sink.h"
#include "support/redis_server.h"

using namespace cachelab;

TEST_CASE("a replay over three live nodes spreads keys and hits like one simulated Redis", "[live]") {
  testing::RedisServer a, b, c;
  REQUIRE_REDIS_SERVER(a);
  REQUIRE(b.available());
  REQUIRE(c.available());
  eviction::ReplayTrace trace;
  for (uint64_t i = 0; i < 60000; ++i) {
    trace.ids.push_back((i * 2654435761u) % 9000);
    trace.sizes.push_back(64);
  }
  live::LiveReplaySettings s;
  s.endpoints = {a.endpoint(), b.endpoint(), c.endpoint()};
  s.depth = 64;
  s.keep_keys = true;
  RunReport rep = live::LiveReplay(trace, s);
  RedisStore store{RedisConfig{}};
  live::StoreSink sink(store, {});
  live::PipelinedReplayConfig cfg;
  cfg.depth = 64;
  live::PipelinedReplayResult sim = live::PipelinedReplay(trace, sink, cfg);
  CHECK(rep.GetNumber("requests") == 60000);
  CHECK(rep.GetNumber("hits") == static_cast<double>(sim.hits));
  CHECK(rep.GetNumber("failed_ops") == 0);
  CHECK(rep.GetNumber("live.nodes") == 3);
  int64_t total = 0;
  for (auto* server : {&a, &b, &c}) {
    live::RedisConn conn(server->endpoint(), {});
    REQUIRE(conn.EnsureConnected());
    int64_t keys = conn.Command({"DBSIZE"}).integer;
    CHECK(keys > 1500);  // a fair share of 9000 keys
    total += keys;
  }
  CHECK(total == static_cast<int64_t>(store.size()));
  live::RedisCluster cluster(s.endpoints, {});
  CHECK(live::DeleteKeysWithPrefix(cluster, s.prefix) == total);
  for (auto* server : {&a, &b, &c}) {
    live::RedisConn conn(server->endpoint(), {});
    REQUIRE(conn.EnsureConnected());
    CHECK(conn.Command({"DBSIZE"}).integer == 0);
  }
}
