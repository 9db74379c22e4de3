// Streaming replay: feeding a trace in chunks gives exactly what one pass over
// the whole decoded trace gives, for every policy (Belady included, whose
// next-access indices travel with each record), and the CLI's streamed
// replay prints the counts of the expectation table (cachesim, aa0fc409).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "eviction/replay.h"
#include "support/run_cli.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

using namespace cachelab;
using namespace cachelab::eviction;

TEST_CASE("chunked feeding equals the whole-trace replay for every policy") {
  std::string error;
  auto reader = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin", {}, &error);
  REQUIRE(reader);
  ReplayTrace whole;
  REQUIRE(LoadReplayTrace(*reader, true, &whole, &error));
  // Odd chunk sizes so boundaries fall everywhere; the last chunk is short.
  std::vector<ReplayTrace> chunks;
  for (size_t at = 0, k = 0; at < whole.size(); ++k) {
    size_t n = std::min<size_t>(whole.size() - at, 977 + 31 * (k % 7));
    ReplayTrace c;
    c.ids.assign(whole.ids.begin() + at, whole.ids.begin() + at + n);
    c.sizes.assign(whole.sizes.begin() + at, whole.sizes.begin() + at + n);
    c.next.assign(whole.next.begin() + at, whole.next.begin() + at + n);
    c.time_ms.assign(whole.time_ms.begin() + at, whole.time_ms.begin() + at + n);
    chunks.push_back(std::move(c));
    at += n;
  }
  for (const std::string& policy : PolicyNames()) {
    for (uint64_t cap : {uint64_t{20297697}, uint64_t{268435456}}) {
      INFO(policy << " at " << cap);
      PolicyOptions o;
      o.capacity = cap;
      auto a = MakePolicy(policy, o, nullptr), b = MakePolicy(policy, o, nullptr);
      ReplayResult one = Replay(whole, *a, {cap, false});
      auto runner = MakeReplayRunner(*b, {cap, false});
      uint64_t base = 0;
      for (const auto& c : chunks) {
        runner->Feed(c, base);
        base += c.size();
      }
      ReplayResult many = runner->Finish();
      CHECK(many.requests == one.requests);
      CHECK(many.misses == one.misses);
      CHECK(many.miss_bytes == one.miss_bytes);
    }
  }
}

TEST_CASE("cachelab replay streams: counts as cachesim's, one chunk or many jobs") {
  // cachesim cloudPhysicsIO.oracleGeneral.bin oracleGeneral {lru,s3fifo,belady} 0.1 (aa0fc409).
  auto r = cachelab::testing::RunCli("replay --trace " + std::string(CACHELAB_TEST_DATA) +
                                     "/cloudPhysicsIO.oracleGeneral.bin --policy lru,s3fifo,belady --size 0.1 --json "
                                     "--no-store --jobs 2");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 3);
  CHECK(j[0]["misses"] == 92200);
  CHECK(j[1]["misses"] == 83764);
  CHECK(j[2]["misses"] == 74162);
  CHECK(j[0]["cache_size"] == 202976972);
  auto no_next = cachelab::testing::RunCli("replay --trace " + std::string(CACHELAB_TEST_DATA) +
                                           "/cloudPhysicsIO.csv.zst --policy belady --size 0.1 --no-store");
  CHECK(no_next.exit_code == 2);
  CHECK(no_next.err.find("belady needs next-access") != std::string::npos);
}
