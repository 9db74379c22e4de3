// `cachelab replay --backend sim[:...]`: the trace through the simulated Redis
// (RedisStore, with its memory model, maxmemory-samples and latency
// histograms) using exactly the live path's pipelining and key layout: the
// same lanes (keys sharded to `connections`), the same batches, held
// requests and fill SETs, so `--backend sim` and `--backend redis://...` are
// one experiment on two backends.
//
// Simulated time: with a live run's schedule (each lane's batch times), a
// lane's batch runs at the time the live one was sent, lanes interleaved in
// that order; otherwise time advances `rate` requests a second, lanes in
// turn. Redis's LRU clock (1 s) and LFU decay (minutes) read this time.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "eviction/replay_trace.h"
#include "live/client_buffer_model.h"
#include "live/pipelined_replay.h"
#include "sim/redis_store.h"
#include "sim/run_report.h"

namespace cachelab::live {

struct SimReplaySettings {
  SimReplaySettings() { redis.latency_tracking = true; }  // Redis 7's default
  RedisConfig redis;
  size_t depth = 128;
  size_t connections = 8;
  std::string prefix = "cachelab:";
  double rate = 250000;  // requests per simulated second, without a schedule
  std::vector<std::vector<int64_t>> lane_batch_ms;  // a live run's batch times (unix ms) per lane
  // Reply buffers per lane (live/client_buffer_model.h): their start state
  // (empty: freshly connected lanes), a clientsCron run time (unix ms with a
  // live schedule, else simulated ms), or off (base_memory covers the clients).
  bool client_buffers = true;
  std::vector<ClientBufferState> clients;
  int64_t cron_origin_ms = 0;
  size_t measure_from = 0;          // --warmup, as LiveReplaySettings
  std::vector<size_t> window_ends;  // --window, as LiveReplaySettings
};

// Parses "sim" or "sim:maxmemory=64MiB,policy=allkeys-lru,samples=5,
// latency-tracking=yes,base=939560,rate=250000,seed=1" onto `out` (fields not given
// keep their values). Returns an error message, empty when fine.
std::string ParseSimBackend(const std::string& spec, SimReplaySettings* out);
bool IsSimBackend(const std::string& spec);

// Reports the live replay's fields: policy, cache_size, requests, hits,
// misses, hit/miss ratios, evictions, used_memory, held_requests, ...
// `windows`, when given, receives the counts per --window (settings.window_ends).
RunReport SimReplay(const eviction::ReplayTrace& trace, const SimReplaySettings& settings,
                    std::vector<WindowCounts>* windows = nullptr);

// The empty server's used_memory the simulation starts from by default:
// redis-server 7.0.15 (Debian 12) right after start, 914,872 bytes, plus the
// latency histogram of the INFO the lab sends first (24,688).
inline constexpr uint64_t kEmptyRedisMemory = 914872 + 24688;
// One more client connection (client struct, 16 KiB reply buffer, query
// buffer after a command): 21,246 bytes each, measured on 7.0.15 with ten
// connections. The lab's lanes beyond the first add this to used_memory
// when the reply buffers are not modelled.
inline constexpr uint64_t kClientMemory = 21246;
// The same without its reply buffer (modelled by ClientBufferModel): a
// connection after INFO and 0.3 s (its buffer shrunk to 1,280 bytes) raised
// used_memory by 22,752 bytes on 7.0.15.
inline constexpr uint64_t kClientFixedMemory = 22752 - 1280;
inline constexpr uint64_t kFreshReplyBuffer = 16384;

}  // namespace cachelab::live
