// The two streaming passes of `cachelab replay` (replay/replay_stream.h) with the
// numbers the working-set pass keeps for the replay: none kept, the first
// chunks kept and the rest numbered again, every chunk kept (the ids' table
// freed). Expectations: libCacheSim's cachesim (commit aa0fc409, default
// parameters), `cachesim cloudPhysicsIO.oracleGeneral.bin oracleGeneral POLICY
// 0.1 [--ignore-obj-size 1]`, as committed in tests/data/libcachesim_expectations.tsv.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>

#include "cli/commands.h"
#include "replay/replay_split_pass.h"
#include "replay/replay_stream.h"
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

namespace {

// A 24-byte oracleGeneral record (little-endian, as the x86 test machines are).
void PutRecord(std::FILE* f, uint32_t time, uint64_t id, uint32_t size) {
  const int64_t next = -1;
  std::fwrite(&time, 4, 1, f);
  std::fwrite(&id, 8, 1, f);
  std::fwrite(&size, 4, 1, f);
  std::fwrite(&next, 8, 1, f);
}

// a's kept chunks are b's first ones, number for number.
bool SamePrefix(const KeptNumbers& a, const KeptNumbers& b) {
  if (a.chunks.size() > b.chunks.size()) return false;
  for (size_t c = 0; c < a.chunks.size(); ++c)
    if (!std::equal(a.chunks[c].begin(), a.chunks[c].end(), b.chunks[c].begin(), b.chunks[c].end())) return false;
  return true;
}

}  // namespace

TEST_CASE("the working-set pass in two halves: the same working set, numbers and kept chunks as one pass") {
  // 400,000 requests over 60,000 ids (squared uniform draws: some hot), each
  // id's size fixed except that one in 50 requests asks for size 0 (not
  // counted) and one in 40 for another size (the first one seen counts).
  // Expectation: an unordered_map over the same draws (working set), and the
  // one-thread pass (numbers, kept chunks) on the same file.
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("cachelab_split_pass_" + std::to_string(::getpid()) + ".oracleGeneral.bin"))
                               .string();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f);
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  std::unordered_map<uint64_t, uint64_t> first_size;
  std::vector<uint64_t> order;  // ids in trace order
  for (uint32_t i = 0; i < 400'000; ++i) {
    const uint64_t id = static_cast<uint64_t>(u(rng) * u(rng) * 60'000) * 7919 + 3;
    uint32_t size = 100 + static_cast<uint32_t>(id % 4000);
    if (i % 50 == 7) size = 0;
    else if (i % 40 == 3) size += 1;
    PutRecord(f, i, id, size);
    order.push_back(id);
    if (size > 0) first_size.try_emplace(id, size);
  }
  std::fclose(f);
  uint64_t ws_bytes = 0;
  for (const auto& [id, size] : first_size) ws_bytes += size;
  auto open = [&] {
    std::string error;
    auto r = OpenTrace(path, {}, &error);
    REQUIRE(r);
    return r;
  };

  // One pass and the two halves over the file, keeping up to `budget` bytes of numbers.
  struct Passes {
    eviction::DenseIds one_ids, two_ids;
    KeptNumbers one_kept, two_kept;
    eviction::WorkingSet one;
    std::optional<eviction::WorkingSet> two;
  };
  auto run_both = [&](size_t budget, size_t max_sightings, Passes* p) {
    p->one_kept.budget_bytes = p->two_kept.budget_bytes = budget;
    auto one_reader = open();
    p->one = StreamWorkingSet(*one_reader, &p->one_ids, &p->one_kept);
    auto first = open();
    p->two = SplitWorkingSet(*first, open, &p->two_ids, &p->two_kept, 0, max_sightings);
  };

  for (size_t budget : {size_t{0}, size_t{(16384 + 32768) * 4}, size_t{64} << 20}) {
    INFO("budget " << budget);
    Passes p;
    run_both(budget, kSplitPassMaxSightings, &p);
    auto& [one_ids, two_ids, one_kept, two_kept, one, two] = p;
    REQUIRE(two);
    CHECK(two->objects == first_size.size());
    CHECK(two->bytes == ws_bytes);
    CHECK(one.objects == two->objects);
    CHECK(one.bytes == two->bytes);
    // The first half (245,760 requests: chunks of 16,384 to 131,072) keeps
    // what one pass keeps, up to the budget; one pass may keep more after it.
    REQUIRE(two_kept.chunks.size() <= one_kept.chunks.size());
    CHECK_FALSE(two_kept.complete);
    CHECK(SamePrefix(two_kept, one_kept));
    if (one_ids.forgotten()) continue;  // one pass kept all: its table is gone, its numbers compared above
    bool fresh = false;
    size_t differ = 0;
    for (uint64_t id : order)
      if (first_size.count(id)) differ += one_ids.Number(id, &fresh) != two_ids.Number(id, &fresh);
    CHECK(differ == 0);
    CHECK(two_ids.count() == first_size.size());
  }

  SECTION("too many ids for the second half: the first counts on alone, as one pass does") {
    for (size_t budget : {size_t{(16384 + 32768) * 4}, size_t{64} << 20}) {
      INFO("budget " << budget);
      Passes p;
      run_both(budget, 1000, &p);
      auto& [one_ids, two_ids, one_kept, two_kept, one, two] = p;
      REQUIRE(two);
      CHECK(two->objects == one.objects);
      CHECK(two->bytes == one.bytes);
      CHECK(two_kept.complete == one_kept.complete);
      CHECK(two_ids.forgotten() == one_ids.forgotten());
      REQUIRE(two_kept.chunks.size() == one_kept.chunks.size());
      CHECK(SamePrefix(two_kept, one_kept));
    }
  }
  SECTION("a truncated last record: the same error as one pass, naming it") {
    std::FILE* g = std::fopen(path.c_str(), "ab");
    std::fwrite("12345", 1, 5, g);
    std::fclose(g);
    std::string one_error, two_error;
    try {
      auto r = open();
      StreamWorkingSet(*r);
    } catch (const UsageError& e) {
      one_error = e.what();
    }
    try {
      auto r = open();
      eviction::DenseIds ids;
      SplitWorkingSet(*r, open, &ids, nullptr, 0);
    } catch (const UsageError& e) {
      two_error = e.what();
    }
    CHECK(one_error.find("record 400001") != std::string::npos);
    CHECK(two_error == one_error);
  }
  std::remove(path.c_str());
}
