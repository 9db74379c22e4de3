#include "lab/run_config.h"

#include "lab/churn.h"
#include "lab/cluster_params.h"
#include "lab/invalidation_setup.h"
#include "lab/memory_budget.h"
#include "lab/run_bounds.h"
#include "sim/printable.h"
#include "strategies/strategy.h"

namespace cachelab {

std::shared_ptr<const TraceIndex> PrepareTrace(Params* p) {
  if (p->Raw("trace").empty()) return nullptr;
  for (const char* name : {"keys", "alpha", "read-fraction"})
    if (!p->IsDefault(name))
      throw ParamError(name, "does not apply with --trace (the trace gives the keys, their popularity and the "
                             "operations)");
  if (p->Raw("scenario") != "none") throw ParamError("scenario", "does not apply with --trace");
  TraceOpenOptions o{p->Raw("format"), p->Raw("csv-spec"), p->Bool("skip-bad")};
  std::string error;
  std::shared_ptr<const TraceIndex> index = IndexTrace(p->Raw("trace"), o, &error);
  if (!index) throw ParamError("trace", error);
  if (index->objects > UINT32_MAX - 1) throw ParamError("trace", "too many distinct objects");
  p->Set("keys", std::to_string(index->objects));
  return index;
}

RunConfig ParseRunConfig(const Params& p, std::shared_ptr<const TraceIndex> index) {
  RunConfig c;
  c.trace = p.Raw("trace");
  c.index = std::move(index);
  {
    std::string err;
    if (!ParseWarmupSpec(p.Raw("warmup"), &c.warmup, &err)) throw ParamError("warmup", err);
  }
  c.max_requests = p.UInt("max-requests");
  c.duration = p.Duration("duration");
  c.time_scale = p.Real("time-scale", 1e-9, 1e12);
  std::string timing = p.Choice("timing", {"auto", "original", "rate", "closed"});
  if (p.Raw("ttl") == "trace" && c.trace.empty() && p.Raw("workload").rfind("twin:", 0) != 0)
    throw ParamError("ttl", "'trace' needs --trace FILE or --workload twin:FILE");
  c.workload.keys = p.UInt("keys", 1, UINT32_MAX);
  c.workload.alpha = p.Real("alpha", 0, 10);
  c.workload.read_fraction = p.Real("read-fraction", 0, 1);
  c.workload.requests = p.UInt("requests", 1, kMaxRequests);
  c.workload.value_size = p.Dist("value-size", Distribution::Unit::kBytes, kMaxValueSize);
  c.closed_loop = p.Choice("arrival", {"open", "closed"}) == "closed";
  if (c.trace.empty()) {
    if (timing == "original") throw ParamError("timing", "original timing needs --trace FILE");
    if (timing != "auto") c.closed_loop = timing == "closed";
  } else {
    c.trace_open = TraceOpenOptions{p.Raw("format"), p.Raw("csv-spec"), p.Bool("skip-bad")};
    if (timing == "original" && !c.index->has_time)
      throw ParamError("timing", c.trace + " has no timestamps: use --timing rate or closed");
    c.original_timing = timing == "original" || (timing == "auto" && c.index->has_time && !c.closed_loop);
    if (c.original_timing) {  // the trace's span, stretched or compressed, must fit simulated time and the series
      double seconds = ToSeconds(c.index->max_at - c.index->first_at) / c.time_scale;
      if (seconds > kMaxSimSeconds)
        throw ParamError("time-scale", "the trace would last " + std::to_string(seconds / (365 * 86400.0)) +
                                           " simulated years (at most 100)");
      CheckMemory("time-scale", seconds / ToSeconds(p.Duration("window", kMillisecond)) * kBytesPerWindow,
                  std::to_string(seconds) + " simulated seconds of metric windows (--window)");
    }
    if (timing != "auto") c.closed_loop = timing == "closed";
    c.value_size_override = !p.IsDefault("value-size") || !c.index->has_sizes;
    c.workload.alpha = 0;  // the synthetic generator only gives sizes (SizeOf) for a trace
    c.workload.requests = c.index->requests;
  }
  c.rate = p.Real("rate", 1e-6, 1e12);  // mean gap at most 1e6 s: arrival times stay far from int64 overflow
  c.clients = p.UInt("clients", 1, 10000000);
  c.think = p.Dist("think-time", Distribution::Unit::kDuration);
  c.servers = p.UInt("servers", 1, 100000);
  c.redis.rtt = p.Dist("redis-rtt", Distribution::Unit::kDuration);
  c.redis.service = p.Dist("redis-service", Distribution::Unit::kDuration);
  c.redis.store.maxmemory = p.Bytes("maxmemory");
  c.redis.store.maxmemory_policy =
      p.Choice("maxmemory-policy", {"noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random"});
  c.redis.store.maxmemory_samples = static_cast<int>(p.UInt("maxmemory-samples", 1, 64));
  c.redis.store.hz = static_cast<int>(p.UInt("hz", 1, 500));
  c.redis.client_timeout = p.Duration("client-timeout", 1);
  c.db.pool_size = static_cast<int>(p.UInt("db-pool", 1, 1000000));
  c.db.read_latency = p.Dist("db-read-latency", Distribution::Unit::kDuration);
  c.db.write_latency = p.Dist("db-write-latency", Distribution::Unit::kDuration);
  RecomputeLatency(p, &c.db.read_latency);
  c.strategy_config = ParseStrategyConfig(p);
  c.faults = ParseFaults(p, c.servers);
  c.strategy = p.Raw("strategy");
  {
    std::string err;
    bool known = false;
    for (const auto& n : StrategyNames()) known |= n == c.strategy;
    if (!known) {
      std::string list;
      for (const auto& n : StrategyNames()) list += (list.empty() ? "" : ", ") + n;
      throw ParamError("strategy", "unknown strategy '" + Printable(c.strategy) + "' (choose one of: " + list + ", all)");
    }
  }
  c.invalidation = p.Choice("invalidation", InvalidationNames());
  c.invalidation_config = ParseInvalidationConfig(p);
  c.warmup_keys = p.UInt("warmup-keys");
  c.seed = p.UInt("seed");
  c.window = p.Duration("window", kMillisecond);
  c.redis.store.seed = c.seed;
  c.cluster = ParseClusterConfig(p);
  for (const ChurnEvent& e : c.cluster.churn) {
    if (e.kind == ChurnEvent::Kind::kHotKey && e.key >= c.workload.keys)
      throw ParamError("churn", "hotkey at " + FormatDuration(e.t) + ": key " + std::to_string(e.key) +
                                    " is outside the keyspace (keys 0.." + std::to_string(c.workload.keys - 1) + ")");
  }
  return c;
}

}  // namespace cachelab
