// Parameters of the write strategies, stampede guards, scenarios and faults.
#include "lab/params.h"

namespace cachelab {

std::vector<ParamDef> StrategyParamDefs() {
  return {
      // write strategies
      {"flush-interval", "1s", "write-behind: flush the buffer at least this often", "strategy"},
      {"batch-size", "100", "write-behind: flush as soon as this many rows are pending", "strategy"},
      {"coalesce", "true", "write-behind: repeated writes to a key in one batch become one row", "strategy"},
      {"refresh-fraction", "0.2", "refresh-ahead: reload on a hit with less than this fraction of the TTL left",
       "strategy"},
      // stampede
      {"stampede", "none",
       "stampede guard (or a comma list, or all): none, local-lock, single-flight, "
       "distributed-lock, xfetch, xfetch-linear, stale-while-revalidate, lease",
       "stampede"},
      {"lock-ttl", "1s", "distributed-lock / swr refresh lock / lease lifetime", "stampede"},
      {"poll-interval", "5ms", "lock losers and hot lease misses re-read the cache this often", "stampede"},
      {"lock-max-wait", "0", "distributed-lock: a loser loads by itself after waiting this long (0 = never)",
       "stampede"},
      {"xfetch-beta", "1", "xfetch: beta (> 1 favours earlier recomputation)", "stampede"},
      {"swr-window", "5s", "stale-while-revalidate: how long past the TTL a stale value may be served", "stampede"},
      // scenarios
      {"scenario", "none", "none (the Zipf workload), hot-key, sync-expiry, flash-crowd", "scenario"},
      {"recompute-ms", "0",
       "recompute (database read) time in ms, or a distribution such as 5ms+exp(5ms); "
       "0 = --db-read-latency",
       "scenario"},
      {"ttl-jitter", "0", "sync-expiry: preloaded TTLs are ttl * (1 + jitter * U)", "scenario"},
      {"flash-at", "10s", "flash-crowd: when the rate jumps to --rate", "scenario"},
      {"flash-base-rate", "1", "flash-crowd: request rate per second before the jump", "scenario"},
      // faults
      {"crash", "",
       "crash faults, ';'-separated: t=30s:server=1 (an application server) or t=30s:cache "
       "(the cache node loses its data)",
       "faults"},
      {"cache-outage", "", "cache outages, ';'-separated: t=10s:d=5s (commands time out meanwhile)", "faults"},
  };
}

}  // namespace cachelab
