// The foundation's parameters: workload, clients, cache, database, strategy, run.
#include "lab/params.h"

namespace cachelab {

std::vector<ParamDef> CoreParamDefs() {
  return {
      // workload
      {"keys", "100000", "number of distinct keys in the keyspace", "workload"},
      {"alpha", "0.99", "Zipf popularity exponent (0 = uniform)", "workload"},
      {"read-fraction", "0.9", "fraction of requests that are reads (writes update the database)", "workload"},
      {"requests", "1000000", "number of requests to simulate", "workload"},
      {"value-size", "1024", "value size distribution in bytes, e.g. 1024, uniform(100,4096), lognormal(2KiB,1)",
       "workload"},
      {"workload", "zipf",
       "zipf, or twin:FILE: a synthetic twin of a trace (its fitted Zipf alpha, op mix, object sizes, set TTLs and "
       "rate), scaled by --keys/--requests",
       "workload"},
      // clients
      {"arrival", "open", "arrival process: open (Poisson at --rate) or closed (--clients with --think-time)",
       "clients"},
      {"rate", "20000", "open loop: total request rate per second (Poisson)", "clients"},
      {"clients", "64", "closed loop: number of concurrent clients", "clients"},
      {"think-time", "1ms", "closed loop: pause between a reply and the next request (distribution)", "clients"},
      {"servers", "4", "application servers the clients are spread over", "clients"},
      // cache
      {"redis-rtt", "200us", "network round trip to Redis (distribution, e.g. 150us+exp(50us))", "cache"},
      {"redis-service", "2us", "Redis command execution time (distribution); one command thread", "cache"},
      {"maxmemory", "0", "Redis maxmemory in bytes (0 = unlimited), e.g. 64MiB", "cache"},
      {"maxmemory-policy", "allkeys-lru", "noeviction, allkeys-lru, allkeys-lfu, allkeys-random", "cache"},
      {"maxmemory-samples", "5", "keys sampled per eviction (Redis maxmemory-samples)", "cache"},
      {"hz", "10", "Redis active-expiry cycles per second", "cache"},
      {"client-timeout", "100ms", "how long a client waits for the cache before giving up", "cache"},
      // database
      {"db-pool", "32", "database connection pool size", "database"},
      {"db-read-latency", "1ms+exp(1ms)", "database read latency (distribution)", "database"},
      {"db-write-latency", "2ms+exp(2ms)", "database write latency (distribution)", "database"},
      // strategy
      {"strategy", "cache-aside", "caching strategy (or a comma list, or all)", "strategy"},
      {"invalidation", "ttl", "invalidation scheme (or a comma list, or all)", "strategy"},
      {"ttl", "10s", "cache entry time to live (0 = no expiry); trace: each key's TTL from --trace or --workload twin:", "strategy"},
      // run
      {"seed", "1", "random seed: the same seed and parameters give identical results", "run"},
      {"window", "1s", "time-series window", "run"},
  };
}

}  // namespace cachelab
