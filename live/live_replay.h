// `cachelab replay --backend redis://...`: a decoded trace replayed on live
// Redis node(s) with pipelining over `connections` connections per node (keys
// sharded to connections, so per-key order holds), reported with the simulated replay's fields
// (policy, cache_size, miss_ratio, throughput_mreq_s, ...) plus live ones
// (failed operations and when, reconnects, the server's evictions). The
// policy and size are the server's own (maxmemory-policy, maxmemory): the
// lab never reconfigures a user's server.
#pragma once
#include <string>
#include <vector>

#include "eviction/replay_trace.h"
#include "live/client_buffer_model.h"
#include "live/key_cleanup.h"
#include "live/pipelined_replay.h"
#include "live/redis_cluster.h"
#include "sim/run_report.h"

namespace cachelab::live {

struct LiveReplaySettings {
  std::vector<RedisEndpoint> endpoints;
  ClusterOptions cluster;
  size_t depth = 128;
  size_t connections = 8;  // lanes: each a connection (per node) and a thread, owning a shard of the keys
  std::string prefix = "cachelab:";
  bool keep_keys = false;  // default: delete <prefix>* at the end
  int cleanup_wait_ms = 10000;  // how long that cleanup retries a node that does not answer
  bool flushdb = false;    // FLUSHDB every node first (only when asked)
  std::string expect_policy;  // --policy given: must match the server (e.g. redis-lru)
  // --warmup: requests before this trace index are sent first, on every lane,
  // and count nowhere; every figure (evictions, reconnects, time) starts after.
  size_t measure_from = 0;
  std::vector<size_t> window_ends;  // --window: trace indices ending each window
};

// What a live replay learnt that a simulated twin needs (--compare-live).
struct LiveReplayFacts {
  std::string maxmemory_policy;    // the server's (first node's)
  int64_t maxmemory = 0;           // summed over nodes
  int maxmemory_samples = 5;       // CONFIG GET (5 when CONFIG is unavailable)
  bool latency_tracking = true;    // CONFIG GET latency-tracking
  int64_t used_memory_before = 0;  // just before the replay, summed over nodes
  std::vector<std::vector<int64_t>> lane_batch_ms;  // each lane's batch send times (unix ms)
  // One node: every lane's reply buffer from CLIENT INFO after clientsCron
  // resized them (used_memory_before is read then), and when (unix ms).
  std::vector<ClientBufferState> clients;
  int64_t cron_origin_ms = 0;
};

// Throws std::runtime_error when no node answers at the start or the
// servers' configuration contradicts the request.
// `windows`, when given, receives the counts per --window (settings.window_ends);
// `cleanup`, the end-of-run cleanup's outcome (keys_removed is -1 when it failed).
RunReport LiveReplay(const eviction::ReplayTrace& trace, const LiveReplaySettings& settings,
                     LiveReplayFacts* facts = nullptr, std::vector<WindowCounts>* windows = nullptr,
                     CleanupResult* cleanup = nullptr);

// The eviction/ policy name standing for a maxmemory-policy ("allkeys-lru" ->
// "redis-lru"); the Redis name itself when there is none.
std::string PolicyForServer(const std::string& maxmemory_policy);
// The maxmemory-policy a --policy given with --backend names: Redis's own
// names as they are ("allkeys-lru", "volatile-ttl", "noeviction"), the lab's
// aliases mapped ("redis-lru" -> "allkeys-lru"); "" for any other name.
std::string RedisPolicyName(const std::string& policy);
// Why --policy cannot be honoured on a server running `server_policy` at
// `where` ("" when it can).
std::string PolicyMismatch(const std::string& policy, const std::string& server_policy, const std::string& where);

}  // namespace cachelab::live
