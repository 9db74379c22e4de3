// The bar for exact pipelined replay: real traces replayed on a loopback
// redis-server with ample memory (no maxmemory, no TTL) give exactly the
// simulated Redis's hits and misses at every pipeline depth and connection
// count. Two independent expectations: the simulated store (RedisStore)
// replaying one request at a time, and the distinct-object counts the shared
// traces README publishes (cloudPhysicsIO 48,974; cache2k web07 20,484,
// web12 13,756), which are the misses of any cache that never evicts.
#include <catch2/catch.hpp>
#include <cstdio>
#include <unordered_set>
#include <nlohmann/json.hpp>

#include "live/live_replay.h"
#include "results/result_store.h"
#include "support/temp_dir.h"
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

// replay --warmup, --window, --max-requests and --duration on live Redis with
// ample memory (no maxmemory) count exactly as the simulated replay with a
// cache that never evicts (lru, 1 TiB) given the same flags, over 3
// connections at depth 64. Independent of both: with no eviction a request
// misses iff it is its object's first request in the trace (warm-up
// included), so the misses of requests [from, to) are the first occurrences
// there, counted below from the decoded trace (cloudPhysicsIO, libCacheSim's
// data/ sample: 113,872 requests, whole seconds, 7,200 s).
TEST_CASE("replay --warmup, --window, --max-requests, --duration on live Redis count as the simulated replay",
          "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  const std::string trace = std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin.zst";
  std::string err;
  auto reader = OpenTrace(trace, TraceOpenOptions{}, &err);
  REQUIRE(reader);
  eviction::ReplayTrace t;
  REQUIRE(LoadReplayTrace(*reader, true, &t, &err));
  REQUIRE(t.size() == 113872);
  std::vector<uint8_t> first(t.size(), 0);
  std::unordered_set<uint64_t> seen;
  for (size_t i = 0; i < t.size(); ++i) first[i] = seen.insert(t.ids[i]).second;
  auto first_in = [&](size_t from, size_t to) {
    uint64_t n = 0;
    for (size_t i = from; i < to; ++i) n += first[i];
    return n;
  };
  auto index_at = [&](int64_t seconds) {  // the first request `seconds` or more after the first
    size_t i = 0;
    while (i < t.size() && t.time_ms[i] - t.time_ms[0] < seconds * 1000) ++i;
    return i;
  };
  struct Case {
    std::string flags;
    size_t from, to;  // measured requests, by hand; from = SIZE_MAX: as the simulated replay says
  };
  const size_t n = t.size();
  for (const Case& c : {Case{"--max-requests 50000", 0, 50000}, Case{"--duration 1800s", 0, index_at(1800)},
                        Case{"--warmup 30000 --window 20000", 30000, n}, Case{"--warmup 20% --window 900s", SIZE_MAX, n},
                        Case{"--warmup 600s --window 10000 --max-requests 80000", index_at(600), 80000}}) {
    INFO(c.flags);
    auto sim = testing::RunCli("replay --trace " + trace + " --policy lru --size 1TiB --no-store --json " + c.flags);
    INFO(sim.err);
    REQUIRE(sim.exit_code == 0);
    auto live = testing::RunCli("replay --trace " + trace + " --backend " + server.url() +
                                " --connections 3 --pipeline-depth 64 --no-store --json " + c.flags);
    INFO(live.err);
    REQUIRE(live.exit_code == 0);
    auto js = nlohmann::json::parse(sim.out).at(0), jl = nlohmann::json::parse(live.out).at(0);
    const size_t from = c.from == SIZE_MAX ? js.value("warmup_requests", 0) : c.from;
    std::printf("  %s: requests %zu (warm-up %zu), misses %llu\n", c.flags.c_str(), c.to - from, from,
                static_cast<unsigned long long>(first_in(from, c.to)));
    CHECK(js["requests"] == c.to - from);
    CHECK(js["misses"] == first_in(from, c.to));
    CHECK(jl["requests"] == js["requests"]);
    CHECK(jl["misses"] == js["misses"]);
    CHECK(jl["hits"] == js["requests"].get<int64_t>() - js["misses"].get<int64_t>());
    CHECK(jl["byte_miss_ratio"].get<double>() == Approx(js["byte_miss_ratio"].get<double>()));
    CHECK(jl["evictions"] == 0);
    CHECK(jl["failed_ops"] == 0);
    CHECK(jl["keys_removed"] == first_in(0, c.to));  // the warm-up filled the server too
    CHECK(jl.value("warmup_requests", -1) == js.value("warmup_requests", -1));
    REQUIRE(jl["windows"].size() == js["windows"].size());
    size_t at = from;
    for (size_t w = 0; w < js["windows"].size(); ++w) {
      const auto &ws = js["windows"][w], &wl = jl["windows"][w];
      INFO("window " << w);
      CHECK(wl["t"] == ws["t"]);
      CHECK(wl["requests"] == ws["requests"]);
      CHECK(wl["miss_ratio"].get<double>() == Approx(ws["miss_ratio"].get<double>()));
      CHECK(wl["byte_miss_ratio"].get<double>() == Approx(ws["byte_miss_ratio"].get<double>()));
      const size_t end = at + ws["requests"].get<size_t>();
      CHECK(ws["miss_ratio"].get<double>() * ws["requests"].get<double>() == Approx(first_in(at, end)));
      at = end;
    }
    if (!js["windows"].empty()) CHECK(at == c.to);
  }
}

TEST_CASE("replay --warmup on live Redis stores the warm-up's end; --compare-live's twin warms up alike", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  testing::TempDir dir("cachelab-live-replay-warmup");
  const std::string trace = std::string(CACHELAB_TEST_DATA) + "/web07.txt.zst", db = dir / "runs.db";
  auto r = testing::RunCli("replay --trace " + trace + " --backend " + server.url() +
                           " --compare-live --warmup 50% --window 20000 --json --db " + db);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 3);
  CHECK(j[0]["misses"] == j[1]["misses"]);  // live and its simulated twin, both after the same warm-up
  CHECK(j[2]["misses"] == 0);
  CHECK(j[0]["warmup_requests"] == j[1]["warmup_requests"]);
  CHECK(j[0]["windows"] == j[1]["windows"]);
  CHECK(j[0]["misses"] < 20484);  // web07's distinct keys: part of them came in the warm-up
  ResultStore store(db);
  auto runs = store.ListRuns();
  REQUIRE(runs.size() == 2);
  for (const auto& run : runs) {
    RunReport stored = store.LoadRun(run.id);
    int marked = 0;
    for (const auto& e : stored.events) marked += e.kind == "measurement_start" && e.detail == "end of the warm-up";
    CHECK(marked == 1);
    bool series = false;
    for (const auto& s : stored.series) series |= s.name == "miss_ratio" && !s.v.empty();
    CHECK(series);
  }
}
