// Replays a decoded trace through a CommandSink as a cache would see it: each
// request a GET, and on a miss a SET of a value of the request's size. GETs go
// out in batches of `depth`; the SETs for a batch's misses travel at the head
// of the next batch, so every batch is one round trip.
//
// Per-key order is kept as if requests ran one at a time: a request whose key
// already has a GET in the batch being built, and is not known to be cached
// (never read as a hit or filled since its last miss), is held back (with
// every later request for that key) until a later batch, behind the fill SET
// its first GET may cause. A key known to be cached may appear many times in
// one batch. So with ample memory and no TTL the hits and misses are exactly
// those of a strictly sequential replay, at every depth. The cost: a held
// request is sent a batch later (other keys' requests overtake it), counted
// in `held`. See docs/simulated-redis.md ("Live Redis in the lab").
//
// A replay can be split into lanes (one per connection), each owning the keys
// that hash to it; a lane is a ReplayLane stepped batch by batch.
#pragma once
#include <chrono>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "eviction/replay_trace.h"
#include "live/command_sink.h"
#include "sim/run_report.h"

namespace cachelab::live {

struct PipelinedReplayConfig {
  size_t depth = 128;
  std::string prefix = "cachelab:";
  bool record_batch_times = false;  // keep each batch's wall time (unix ms) for a StoreSink
  // --warmup: trace requests before this index fill the server but count
  // nowhere. A lane sends them all (and their fills) first, then stops until
  // StartMeasurement, so every counter restarts at one point.
  size_t measure_from = 0;
  std::vector<size_t> window_ends;  // --window: ascending trace indices ending each window
};

// Counts over one window of trace requests (replay --window): answered GETs only.
struct WindowCounts {
  uint64_t requests = 0, misses = 0, requested_bytes = 0, miss_bytes = 0;
};

// requests: every GET sent = hits + misses + failed_gets. A GET that got no
// answer (node down, timeout) is neither a hit nor a miss: the ratios and
// byte counts (and the windows' counts) are over the GETs that were answered.
struct PipelinedReplayResult {
  uint64_t requests = 0, hits = 0, misses = 0;
  uint64_t requested_bytes = 0, miss_bytes = 0, skipped_zero_size = 0;  // bytes: answered GETs
  uint64_t sets = 0, rejected = 0;       // rejected: error replies (e.g. OOM)
  uint64_t failed_gets = 0, failed_sets = 0;  // no answer: node down or timed out
  uint64_t held = 0;                     // requests sent a batch later to keep per-key order
  uint64_t batches = 0;
  double first_failure_s = -1, last_failure_s = -1;
  double seconds = 0;
  std::vector<int64_t> batch_ms;
  uint64_t warmup_requests = 0;        // GETs sent in the warm-up (counted nowhere else)
  std::vector<WindowCounts> windows;   // one per PipelinedReplayConfig::window_ends

  uint64_t failed() const { return failed_gets + failed_sets; }
  uint64_t answered() const { return hits + misses; }
  double miss_ratio() const { return answered() ? static_cast<double>(misses) / answered() : 0; }
  // Adds another lane's counts (failure times: earliest first, latest last).
  void Merge(const PipelinedReplayResult& o);
  // The fields the simulated replay reports, plus the live ones.
  void Report(RunReport* r) const;
};

// One lane of a pipelined replay: the trace requests listed in `indices`, in
// order. Step: NextBatch, execute it, Absorb.
class ReplayLane {
 public:
  ReplayLane(const eviction::ReplayTrace& trace, std::vector<uint32_t> indices, const PipelinedReplayConfig& config);
  bool Done() const { return next_ >= indices_.size() && held_.empty() && fills_.empty(); }
  // Every warm-up request (and fill) has been sent: the lane waits for StartMeasurement.
  bool WarmDone() const;
  // Counters restart here (the warm-up's GETs stay in warmup_requests).
  void StartMeasurement();
  // The next batch: pending fill SETs first, then up to depth GETs.
  const std::vector<SinkOp>& NextBatch();
  // The outcomes of the batch NextBatch returned; `failed` is set when any op got no answer.
  void Absorb(const std::vector<SinkOutcome>& outcomes, bool* failed);
  PipelinedReplayResult& result() { return r_; }

 private:
  void AddGet(uint32_t pos);

  const eviction::ReplayTrace& trace_;
  std::vector<uint32_t> indices_;
  // Per-key state in flat arrays over the lane's keys (numbered densely at
  // construction): no hashing per request on the replay's hot path.
  std::vector<uint32_t> key_of_;          // per position in indices_: the lane's key number
  std::vector<uint32_t> in_batch_;        // per key: batch number + 1 of its last GET in a batch being built
  std::vector<uint32_t> filled_in_;       // per key: batch number + 1 of its last queued fill
  std::vector<uint32_t> held_per_key_;    // per key: requests held
  std::vector<uint8_t> cached_;           // per key: last seen hit or filled (no miss since)
  PipelinedReplayConfig cfg_;
  size_t depth_;
  size_t next_ = 0;                       // position in indices_
  uint32_t batch_no_ = 0;
  std::deque<uint32_t> held_;             // positions in indices_ held back, in order
  std::vector<SinkOp> ops_, fills_;
  std::vector<uint32_t> op_keys_, fill_keys_;  // the key number of each op / fill
  std::vector<uint32_t> op_index_;        // the trace index of each GET in ops_ (after the fills)
  bool warming_ = false;                  // new requests stop at measure_from
  size_t fill_count_ = 0;                 // SETs at the head of ops_
  PipelinedReplayResult r_;
};

// The whole trace as one lane over one sink.
PipelinedReplayResult PipelinedReplay(const eviction::ReplayTrace& trace, CommandSink& sink,
                                      const PipelinedReplayConfig& config);

// One lane over one sink (a thread of a multi-connection replay).
PipelinedReplayResult PipelinedReplayOnLane(const eviction::ReplayTrace& trace, std::vector<uint32_t> indices,
                                            CommandSink& sink, const PipelinedReplayConfig& config);

// Steps `lane` over `sink` until it is done (warm: until WarmDone), noting
// failure times in seconds since `start`.
void StepLane(ReplayLane& lane, CommandSink& sink, bool warm, std::chrono::steady_clock::time_point start);

// Which of `lanes` lanes owns a key id (a fixed mix of the id, so a key always
// travels on the same connection).
size_t LaneOf(uint64_t id, size_t lanes);
// The trace indices of each lane, in trace order.
std::vector<std::vector<uint32_t>> SplitLanes(const eviction::ReplayTrace& trace, size_t lanes);

}  // namespace cachelab::live
