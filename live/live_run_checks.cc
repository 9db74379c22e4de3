#include "live/live_run_checks.h"

#include <cmath>

namespace cachelab::live {

std::string LiveRunRefusal(const Params& p, size_t nodes) {
  for (const char* name : {"redis-rtt", "redis-service", "maxmemory", "maxmemory-policy", "maxmemory-samples", "hz",
                           "client-timeout", "node-maxmemory", "node-rtt"})
    if (!p.IsDefault(name))
      return std::string("--") + name + " is a simulated-Redis parameter and cannot be honoured with --backend: " +
             "the real server's network, CPU and configuration decide (configure the server; use --redis-timeout "
             "for the client's command timeout)";
  if (!p.IsDefault("nodes") || !p.IsDefault("churn"))
    return "--nodes and --churn simulate a cluster: with --backend, give one URL per live node (membership changes: "
           "stop or start the servers)";
  if (!p.Raw("cache-outage").empty() || p.Raw("crash").find("cache") != std::string::npos)
    return "cache faults (--cache-outage, --crash ...:cache) act on the simulated Redis: with --backend, kill or "
           "pause the real server instead";
  const std::string& scheme = p.Raw("invalidation");
  if (scheme == "pattern" && nodes > 1)
    return "--invalidation pattern with several --backend nodes is not supported: SCAN walks one node's keyspace "
           "(give one node)";
  double speedup = 0;
  try {
    speedup = p.Real("speedup", 1e-3, 1e6);
  } catch (const ParamError& e) {
    return e.what();
  }
  SimTime ttl = p.Raw("ttl") == "trace" ? 0 : p.Duration("ttl");  // trace TTLs are whole seconds
  if (ttl > 0 && static_cast<double>(ttl) / speedup < kMillisecond)
    return "--speedup " + p.Raw("speedup") + " with --ttl " + p.Raw("ttl") + " would send Redis a TTL of " +
           std::to_string(static_cast<double>(ttl) / speedup / kMillisecond) +
           " ms: Redis expires in whole milliseconds (lower --speedup or raise --ttl)";
  return "";
}

}  // namespace cachelab::live
