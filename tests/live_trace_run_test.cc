// `cachelab run --trace ... --backend redis://...`: a trace replayed at its own
// pace (divided by the speed-up) on a real redis-server gives the counts worked
// out by hand for the simulated Redis (support/hand_trace.h).
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lab/experiment.h"
#include "live/paced_live_backend.h"
#include "results/result_store.h"
#include "support/hand_trace.h"
#include "support/redis_server.h"
#include "support/run_cli.h"
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

// The same trace with --warmup 4 on live Redis, from the CLI: requests 0-3 (A's
// miss, hit, write and reload) count nowhere. Measured, by hand: B misses at 4 s
// (GET + SET), hits at 5 s (GET), A misses at 10 s (expired; GET + SET), B is
// deleted at 11 s (DEL), misses at 12 s (GET + SET), C misses at 13 s (GET +
// SET): 1 hit, 4 misses, 4 loads, 10 cache commands, A's one expiration. The
// warm-up's end is a measurement_start event in --json and in the store.
TEST_CASE("run --warmup on live Redis: the warm-up counts nowhere, its end is an event", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  testing::TempDir dir("cachelab-live-trace-warmup");
  std::string trace = dir / "hand.csv", db = dir / "runs.db";
  std::ofstream(trace) << testing::kHandTrace;
  auto r = testing::RunCli("run --trace " + trace + " --ttl trace --warmup 4 --backend " + server.url() +
                           " --speedup 10 --json --db " + db);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["hits"] == 1);
  CHECK(j["misses"] == 4);
  CHECK(j["loads"] == 4);
  CHECK(j["cache_commands"] == 10);
  CHECK(j["expirations"] == 1);
  CHECK(j["warmup_requests"] == 4);
  double start = j["measurement_start_s"].get<double>();
  CHECK(start >= 4.0);
  CHECK(start < 5.0);  // request 4 arrives within its second
  int marked = 0;
  for (const auto& e : j["events"])
    if (e["kind"] == "measurement_start" && e["detail"] == "end of the warm-up") {
      ++marked;
      CHECK(e["t_s"].get<double>() == Approx(start));
    }
  CHECK(marked == 1);
  ResultStore store(db);
  RunReport stored = store.LoadRun(store.ListRuns().at(0).id);
  marked = 0;
  for (const auto& e : stored.events) marked += e.kind == "measurement_start" && e.detail == "end of the warm-up";
  CHECK(marked == 1);
}
