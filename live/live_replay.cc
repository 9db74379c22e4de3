#include "live/live_replay.h"

#include <stdexcept>

#include "live/connect_check.h"
#include "live/key_cleanup.h"
#include "live/live_sink.h"
#include "live/pipelined_replay.h"
#include "live/server_info.h"

namespace cachelab::live {

std::string PolicyForServer(const std::string& p) {
  if (p == "allkeys-lru") return "redis-lru";
  if (p == "allkeys-lfu") return "redis-lfu";
  if (p == "allkeys-random") return "random";
  return p;
}

RunReport LiveReplay(const eviction::ReplayTrace& trace, const LiveReplaySettings& s) {
  CheckPrefix(s.prefix);
  RedisCluster cluster(s.endpoints, s.cluster);
  std::string policy;
  int64_t maxmemory = 0, evicted_before = 0;
  for (size_t n = 0; n < cluster.size(); ++n) {
    ConnectOrThrow(cluster, n);
    RedisConn& c = cluster.conn(n);
    auto info = ServerInfo(c, "everything");
    std::string p = PolicyForServer(info["maxmemory_policy"]);
    if (!s.expect_policy.empty() && p != s.expect_policy)
      throw std::runtime_error("--policy " + s.expect_policy + " cannot be honoured: redis://" + c.endpoint().Label() +
                               " runs maxmemory-policy " + info["maxmemory_policy"] +
                               " (the lab does not reconfigure a live server)");
    policy = p;
    maxmemory += std::atoll(info["maxmemory"].c_str());
    evicted_before += std::atoll(info["evicted_keys"].c_str());
  }
  if (s.flushdb && !FlushAll(cluster)) throw std::runtime_error("FLUSHDB failed");

  LiveSink sink(cluster);
  PipelinedReplayConfig cfg;
  cfg.depth = s.depth;
  cfg.prefix = s.prefix;
  PipelinedReplayResult res = PipelinedReplay(trace, sink, cfg);

  RunReport r;
  r.kind = "replay";
  r.label = "live:" + policy;
  r.config = {{"backend", cluster.Labels()},   {"policy", policy},
              {"cache_size", std::to_string(maxmemory)}, {"pipeline_depth", std::to_string(s.depth)},
              {"key_prefix", s.prefix},        {"mode", "bytes"}};
  r.Set("policy", policy);
  r.Set("cache_size", maxmemory);
  r.Set("backend", cluster.Labels());
  res.Report(&r);
  int64_t evicted_after = 0, used = 0;
  for (size_t n = 0; n < cluster.size(); ++n) {
    if (!cluster.Ready(n)) continue;
    evicted_after += InfoNumber(cluster.conn(n), "stats", "evicted_keys");
    used += InfoNumber(cluster.conn(n), "memory", "used_memory");
  }
  r.Set("evictions", evicted_after - evicted_before);
  r.Set("used_memory", used);
  r.Set("pipeline_depth", static_cast<int64_t>(s.depth));
  int64_t removed = s.keep_keys ? 0 : DeleteKeysWithPrefix(cluster, s.prefix);
  r.Set("keys_removed", removed);
  cluster.Report(&r);
  return r;
}

}  // namespace cachelab::live
