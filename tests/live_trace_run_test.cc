// `cachelab run --trace ... --backend redis://...`: a trace replayed at its own
// pace (divided by the speed-up) on a real redis-server gives the counts worked
// out by hand for the simulated Redis (support/hand_trace.h).
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>

#include "lab/experiment.h"
#include "live/paced_live_backend.h"
#include "support/hand_trace.h"
#include "support/redis_server.h"
#include "support/temp_dir.h"

using namespace cachelab;

TEST_CASE("a trace with reads, writes, deletes and TTLs on live Redis, paced", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  testing::TempDir dir("cachelab-live-trace");
  std::string trace = dir / "hand.csv";
  std::ofstream(trace) << testing::kHandTrace;
  Params p;
  p.Set("trace", trace);
  p.Set("ttl", "trace");
  p.Set("speedup", "10");
  live::LiveRunSettings s;
  s.endpoints = {server.endpoint()};
  s.speedup = 10;
  live::PacedLiveBackend backend(s);
  auto start = std::chrono::steady_clock::now();
  RunReport r = RunExperiment(p, {}, &backend);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Cache-aside: misses at 0 s, 3 s (after the write), 4 s, 10 s (A's 5 s TTL, sent as 0.5 s, has
  // run out), 12 s (after the delete) and 13 s; hits at 1 s and 5 s.
  CHECK(r.GetNumber("hits") == 2);
  CHECK(r.GetNumber("misses") == 6);
  CHECK(r.GetNumber("db_reads") == 6);
  CHECK(r.GetNumber("db_writes") == 2);
  CHECK(r.GetNumber("ops_delete") == 1);
  CHECK(r.GetNumber("live.failed_ops") == 0);
  CHECK(wall > 1.2);  // paced: the last request arrives after 13 s simulated / 10
}
