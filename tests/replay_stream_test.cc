// The two streaming passes of `cachelab replay` (cli/replay_stream.h) with the
// numbers the working-set pass keeps for the replay: none kept, the first
// chunks kept and the rest numbered again, every chunk kept (the ids' table
// freed). Expectations: libCacheSim's cachesim (commit aa0fc409, default
// parameters), `cachesim cloudPhysicsIO.oracleGeneral.bin oracleGeneral POLICY
// 0.1 [--ignore-obj-size 1]`, as committed in tests/data/libcachesim_expectations.tsv.
#include <catch2/catch.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/replay_stream.h"
#include "workloads/trace_format.h"

using namespace cachelab;
using namespace cachelab::cli;

namespace {

const std::string kTrace = std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin";

struct Expected {
  const char* policy;
  uint64_t object_misses, byte_misses;  // at 4,897 objects; at 202,976,972 bytes
};
// cachesim's rows for 0.1 of the working set (4,897 objects, 202,976,972 bytes).
const Expected kCachesim[] = {{"lru", 91657, 92200}, {"sieve", 90040, 89993}, {"arc", 88002, 87541},
                              {"s3fifo", 85691, 83764}};

std::unique_ptr<TraceReader> Open() {
  std::string error;
  auto r = OpenTrace(kTrace, {}, &error);
  REQUIRE(r);
  return r;
}

}  // namespace

TEST_CASE("numbers kept by the working-set pass: none, some chunks, all; counts as cachesim's") {
  // 113,872 requests in chunks of 16,384, 32,768 and 64,720 (NextReplayChunk).
  struct Budget {
    size_t bytes, chunks_kept;
    bool complete;
  };
  for (Budget b : {Budget{0, 0, false}, Budget{(16384 + 32768) * 4, 2, false}, Budget{64 << 20, 3, true}}) {
    for (bool objects : {true, false}) {
      INFO("budget " << b.bytes << (objects ? " objects" : " bytes"));
      auto counting = Open();
      eviction::DenseIds ids;
      KeptNumbers kept;
      kept.budget_bytes = b.bytes;
      const eviction::WorkingSet ws = StreamWorkingSet(*counting, &ids, &kept);
      CHECK(kept.chunks.size() == b.chunks_kept);
      CHECK(kept.complete == b.complete);
      CHECK(ids.forgotten() == b.complete);
      std::vector<ReplayJob> jobs;
      for (const Expected& e : kCachesim)
        jobs.push_back({e.policy, "0.1", eviction::CacheSizeFromFraction(0.1, ws, objects), {}, ""});
      CHECK(jobs[0].capacity == (objects ? 4897 : 202976972));
      auto reader = Open();
      bool any_next = false;
      StreamSettings s;
      s.object_mode = objects;
      s.mean_object_bytes = ws.bytes / ws.objects;
      s.threads = 2;
      s.ids = &ids;
      s.kept = &kept;
      const auto out = StreamReplayJobs(*reader, jobs, s, &any_next);
      REQUIRE(out.size() == std::size(kCachesim));
      for (size_t i = 0; i < out.size(); ++i) {
        INFO(kCachesim[i].policy);
        CHECK(out[i].result.requests == 113872);
        CHECK(out[i].result.misses == (objects ? kCachesim[i].object_misses : kCachesim[i].byte_misses));
      }
      CHECK(kept.chunks.empty());  // each handed over, none left behind
    }
  }
}

TEST_CASE("a trace that is not what the working-set pass read is refused when its ids are forgotten") {
  // Every chunk kept and the ids' table freed; then the last kept chunk is
  // dropped, so the replay meets a chunk with no numbers (as when the file
  // grew between the passes) and can no longer number it.
  auto counting = Open();
  eviction::DenseIds ids;
  KeptNumbers kept;
  StreamWorkingSet(*counting, &ids, &kept);
  REQUIRE(kept.complete);
  kept.chunks.pop_back();  // the replay will find fewer kept chunks than it reads
  auto other = Open();
  StreamSettings s;
  s.object_mode = true;
  s.ids = &ids;
  s.kept = &kept;
  bool any_next = false;
  std::vector<ReplayJob> jobs{{"lru", "100", 100, {}, ""}};
  try {
    StreamReplayJobs(*other, jobs, s, &any_next);
    FAIL("no error");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()).find("the trace changed while it was replayed") != std::string::npos);
  }
}

TEST_CASE("absolute sizes: ids numbered on the fly by the replay pass, counts as cachesim's; a limit stops it") {
  // No working-set pass: the capacities are absolute (cachesim's 0.1 of the
  // working set as numbers), the ids' table starts empty and the decoding
  // thread numbers each chunk as it comes.
  for (bool objects : {true, false}) {
    INFO((objects ? "objects" : "bytes"));
    std::vector<ReplayJob> jobs;
    for (const Expected& e : kCachesim) jobs.push_back({e.policy, "abs", objects ? 4897u : 202976972u, {}, ""});
    eviction::DenseIds ids;
    auto reader = Open();
    StreamSettings s;
    s.object_mode = objects;
    s.threads = 2;
    s.ids = &ids;
    s.max_ids = 1 << 20;
    bool any_next = false;
    const auto out = StreamReplayJobs(*reader, jobs, s, &any_next);
    REQUIRE(out.size() == std::size(kCachesim));
    for (size_t i = 0; i < out.size(); ++i) {
      INFO(kCachesim[i].policy);
      CHECK(out[i].result.misses == (objects ? kCachesim[i].object_misses : kCachesim[i].byte_misses));
    }
    // 48,974 distinct ids of size > 0 (counted with Python's struct over the file).
    CHECK(ids.count() == 48974);
  }
  // A limit below the trace's distinct ids stops the replay; the caller then
  // replays by id (cli/cmd_replay.cc).
  eviction::DenseIds ids;
  auto reader = Open();
  StreamSettings s;
  s.object_mode = true;
  s.ids = &ids;
  s.max_ids = 1000;  // the first chunk of 16,384 requests names more
  bool any_next = false;
  std::vector<ReplayJob> jobs{{"arc", "100", 100, {}, ""}};
  CHECK_THROWS_AS(StreamReplayJobs(*reader, jobs, s, &any_next), NumberingOutgrown);
  CHECK(OnTheFlyIdLimit(1) == (uint64_t{512} << 20) / 32);
}
