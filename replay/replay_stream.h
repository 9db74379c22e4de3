// Streaming replay: the trace is decoded in chunks (kReplayChunk requests) on
// a helper thread while every (policy, size) job replays the previous chunk,
// so memory is two chunks plus the caches, whatever the trace's length.
// Belady still needs each record's next-access index (oracleGeneral, lcs);
// it comes with the record, so it streams too.
#pragma once
#include <algorithm>
#include <cstddef>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include "replay/replay_jobs.h"
#include "workloads/trace_reader.h"

namespace cachelab {

inline constexpr size_t kReplayChunk = 1 << 20;
// The first chunk is decoded before anything else can run: small, then
// doubling up to kReplayChunk, so the pipeline fills after 2^14 requests.
inline constexpr size_t kFirstReplayChunk = 1 << 14;
// The size of the chunk after one of `previous` requests (0: the first).
inline size_t NextReplayChunk(size_t previous) {
  return previous == 0 ? kFirstReplayChunk : std::min(previous * 2, kReplayChunk);
}

// The numbers the working-set pass gave each request, chunk by chunk, kept for
// the replay pass up to budget_bytes: its decoding thread then hands each
// chunk its numbers instead of looking every id up again (that lookup, one
// hash probe a request, was what the fast policies' loops waited for). Later
// chunks are numbered again. Memory: 4 bytes a request up to the budget, freed
// as the replay goes, so it does not grow with the trace; when the budget holds
// the whole trace, the ids' table is freed instead (ids: 12-24 bytes each).
struct KeptNumbers {
  size_t budget_bytes = size_t{64} << 20;
  std::deque<eviction::ChunkVector<uint32_t>> chunks;  // in trace order, from the first chunk on
  // Every chunk was kept: the ids' table is freed (DenseIds::ForgetIds) before the replay.
  bool complete = false;
};

// The working-set pass's keeping of numbers: room for each chunk's numbers
// while the budget lasts, from the first chunk on, so the kept chunks are a
// prefix of the trace's.
class NumberKeeping {
 public:
  explicit NumberKeeping(KeptNumbers* kept) : kept_(kept), keeping_(kept != nullptr) {}
  // Before the chunk is counted: room for its numbers in chunk->dense, or none.
  void Room(eviction::ReplayTrace* chunk) {
    keeping_ = keeping_ && (planned_ += chunk->size() * sizeof(uint32_t)) <= kept_->budget_bytes;
    if (keeping_)
      chunk->dense.assign(chunk->size(), 0);
    else
      chunk->dense.clear();
  }
  static bool Keeps(const eviction::ReplayTrace& chunk) { return chunk.dense.size() == chunk.size(); }
  // After it is counted: its numbers go to the kept ones.
  void Take(eviction::ReplayTrace* chunk) {
    if (Keeps(*chunk) && chunk->size() > 0) kept_->chunks.push_back(std::move(chunk->dense));
  }
  // Every chunk so far had room.
  bool all() const { return keeping_; }

 private:
  KeptNumbers* kept_;
  bool keeping_;
  size_t planned_ = 0;  // bytes of numbers to keep
};

// One decoding pass counting the working set (for fraction sizes), decoding a
// chunk ahead on a helper thread. With `ids`, it leaves the trace's ids
// numbered there, for StreamSettings::ids, and with `kept` the requests'
// numbers, for StreamSettings::kept.
eviction::WorkingSet StreamWorkingSet(TraceReader& reader, eviction::DenseIds* ids = nullptr,
                                      KeptNumbers* kept = nullptr);

struct StreamSettings {
  bool object_mode = false, keep_time = false, use_ttl = false;
  uint64_t mean_object_bytes = 1;
  unsigned threads = 0;
  eviction::ReplayCuts cuts;  // warm-up and window ends, absolute request indices
  // The trace's ids numbered by StreamWorkingSet: the decoding thread numbers
  // each chunk (ids it has not seen get the next numbers) and the replays
  // look objects up by number. Null: replays look them up by id.
  eviction::DenseIds* ids = nullptr;
  // Numbers kept by StreamWorkingSet for the first chunks (with ids); taken from here.
  KeptNumbers* kept = nullptr;
  // With ids numbered on the fly (no working-set pass before): more distinct
  // ids than this stop the replay with NumberingOutgrown (0: no limit).
  uint64_t max_ids = 0;
};
// Thrown by StreamReplayJobs when the ids outgrow StreamSettings::max_ids; the
// caller replays again by id.
struct NumberingOutgrown : std::runtime_error {
  NumberingOutgrown() : std::runtime_error("too many distinct ids to number") {}
};
// max_ids for `jobs` replays numbered on the fly: the ids' table (12-24 bytes
// an id) and each replay's rows by number (8 bytes) within 512 MiB. Replays by
// id instead keep memory by what they cache, not by what the trace names.
inline uint64_t OnTheFlyIdLimit(size_t jobs) { return (uint64_t{512} << 20) / (24 + 8 * std::max<size_t>(1, jobs)); }
// Throws UsageError with the reader's error on bad input; *any_next tells
// whether any record carried a next-access index.
std::vector<ReplayOutcome> StreamReplayJobs(TraceReader& reader, const std::vector<ReplayJob>& jobs,
                                            const StreamSettings& s, bool* any_next);

}  // namespace cachelab
