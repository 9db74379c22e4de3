// Streaming replay: feeding a trace in chunks gives exactly what one pass over
// the whole decoded trace gives, for every policy (Belady included, whose
// next-access indices travel with each record), and the CLI's streamed
// replay prints the counts of the expectation table (cachesim, aa0fc409).
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "eviction/replay.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"
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

TEST_CASE("numbered chunks replay exactly as ids, for every policy and both modes") {
  // The by-id replay is the expectation (it matches cachesim's table). Every
  // 101st request is made size 0 (skipped, never numbered); only the first
  // half of the trace is numbered before the replay, so the second half's new
  // ids are numbered while it streams, as with an absolute cache size.
  std::string error;
  auto reader = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin", {}, &error);
  REQUIRE(reader);
  ReplayTrace whole;
  REQUIRE(LoadReplayTrace(*reader, true, &whole, &error));
  for (size_t i = 0; i < whole.size(); i += 101) whole.sizes[i] = 0;
  for (bool objects : {false, true}) {
    for (const std::string& policy : PolicyNames()) {
      for (uint64_t cap : objects ? std::vector<uint64_t>{489, 4897} : std::vector<uint64_t>{20297697, 268435456}) {
        INFO(policy << " at " << cap << (objects ? " objects" : " bytes"));
        WorkingSetCounter counter;
        ReplayTrace first_half;
        first_half.ids.assign(whole.ids.begin(), whole.ids.begin() + whole.size() / 2);
        first_half.sizes.assign(whole.sizes.begin(), whole.sizes.begin() + whole.size() / 2);
        counter.Add(first_half);
        DenseIds ids = counter.TakeIds();
        PolicyOptions o;
        o.capacity = cap;
        auto a = MakePolicy(policy, o, nullptr), b = MakePolicy(policy, o, nullptr);
        ReplayResult by_id = Replay(whole, *a, {cap, objects});
        ReplayConfig numbered{cap, objects};
        numbered.numbered = true;
        auto runner = MakeReplayRunner(*b, numbered);
        for (size_t at = 0; at < whole.size(); at += 4099) {
          ReplayTrace c;
          size_t end = std::min(whole.size(), at + 4099);
          c.ids.assign(whole.ids.begin() + at, whole.ids.begin() + end);
          c.sizes.assign(whole.sizes.begin() + at, whole.sizes.begin() + end);
          c.next.assign(whole.next.begin() + at, whole.next.begin() + end);
          c.time_ms.assign(whole.time_ms.begin() + at, whole.time_ms.begin() + end);
          NumberChunk(ids, c);
          runner->Feed(c, at);
        }
        ReplayResult by_number = runner->Finish();
        CHECK(by_number.requests == by_id.requests);
        CHECK(by_number.skipped_zero_size == by_id.skipped_zero_size);
        CHECK(by_number.misses == by_id.misses);
        CHECK(by_number.miss_bytes == by_id.miss_bytes);
        CHECK(by_number.peak_objects == by_id.peak_objects);
      }
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

TEST_CASE("warm-up and window cuts hold across chunk boundaries") {
  // Hand-worked, LRU of 2 objects: ids 1 2 | 1 3 1 2 with the warm-up ending at
  // index 2 and windows ending at 3 (a chunk boundary) and 6. Warm-up: 1, 2 miss.
  // Window [2,3): 1 hits. Window [3,6): 3 misses (evicts 2), 1 hits, 2 misses.
  ReplayTrace a, b;
  a.ids = {1, 2, 1};
  a.sizes = {1, 1, 1};
  b.ids = {3, 1, 2};
  b.sizes = {1, 1, 1};
  PolicyOptions o;
  o.capacity = 2;
  auto lru = MakePolicy("lru", o, nullptr);
  ReplayCuts cuts{2, {3, 6}};
  auto runner = MakeReplayRunner(*lru, {2, true}, cuts);
  runner->Feed(a, 0);
  runner->Feed(b, 3);
  ReplayResult r = runner->Finish();
  CHECK(r.requests == 4);
  CHECK(r.misses == 2);
  REQUIRE(r.windows.size() == 2);
  CHECK(r.windows[0].end == 3);
  CHECK(r.windows[0].requests == 1);
  CHECK(r.windows[0].misses == 0);
  CHECK(r.windows[1].end == 6);
  CHECK(r.windows[1].requests == 3);
  CHECK(r.windows[1].misses == 2);

  // And on a real trace: chunked with cuts equals the whole-trace replay with
  // the same cuts (whose windows replay_windows_test checks by hand).
  std::string error;
  auto reader = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin", {}, &error);
  REQUIRE(reader);
  ReplayTrace whole;
  REQUIRE(LoadReplayTrace(*reader, false, &whole, &error));
  ReplayCuts real{5000, {}};
  for (size_t end = 5000 + 3001; end < whole.size() + 3001; end += 3001)
    real.window_ends.push_back(std::min(end, whole.size()));
  for (const std::string policy : {"lru", "s3fifo", "arc"}) {
    INFO(policy);
    PolicyOptions po;
    po.capacity = 20297697;
    auto p1 = MakePolicy(policy, po, nullptr), p2 = MakePolicy(policy, po, nullptr);
    ReplayResult one = Replay(whole, *p1, {po.capacity, false}, real);
    auto many_runner = MakeReplayRunner(*p2, {po.capacity, false}, real);
    for (size_t at = 0; at < whole.size(); at += 1000) {  // window ends fall inside chunks and on boundaries
      size_t n = std::min<size_t>(1000, whole.size() - at);
      ReplayTrace c;
      c.ids.assign(whole.ids.begin() + at, whole.ids.begin() + at + n);
      c.sizes.assign(whole.sizes.begin() + at, whole.sizes.begin() + at + n);
      many_runner->Feed(c, at);
    }
    ReplayResult many = many_runner->Finish();
    CHECK(many.requests == one.requests);
    CHECK(many.misses == one.misses);
    CHECK(many.miss_bytes == one.miss_bytes);
    REQUIRE(many.windows.size() == one.windows.size());
    CHECK(one.windows.size() == real.window_ends.size());
    for (size_t k = 0; k < one.windows.size(); ++k) {
      CHECK(many.windows[k].end == one.windows[k].end);
      CHECK(many.windows[k].requests == one.windows[k].requests);
      CHECK(many.windows[k].misses == one.windows[k].misses);
      CHECK(many.windows[k].miss_bytes == one.windows[k].miss_bytes);
    }
  }
}

// An empty trace measures nothing: exit 2 naming the file (as `run --trace`),
// streamed, in memory (--window) and as a curve (--mrc), not a row of zeros.
TEST_CASE("replay of an empty trace is an error naming the file") {
  cachelab::testing::TempDir dir("cachelab-empty-replay");
  const std::string empty = dir / "empty.txt";
  { std::ofstream f(empty); }
  for (const char* extra : {"--size 0.1", "--size 10 --window 5", "--size 10 --mrc"}) {
    INFO(extra);
    auto r = cachelab::testing::RunCli("replay --trace " + empty + " --policy lru " + extra + " --no-store");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "cachelab: error: " + empty + ": the trace has no requests to replay\n");
  }
}
