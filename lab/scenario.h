// Stampede scenarios: presets over the Zipf workload and arrival process.
//   hot-key:     one key read at the total --rate (Poisson), spread over
//                --servers at random; recompute time --recompute-ms.
//   sync-expiry: --keys keys (1000 by default) preloaded at t=0 with the same
//                TTL (times 1 + --ttl-jitter * U), read uniformly.
//   flash-crowd: one cold key read at --flash-base-rate until --flash-at,
//                then at --rate.
// Unless set explicitly, --requests covers ~200 TTL periods (hot-key, at
// most 2M) or 20 s past the jump (flash-crowd).
#pragma once
#include <string>

#include "lab/params.h"
#include "sim/distribution.h"
#include "sim/time.h"

namespace cachelab {

struct ScenarioConfig {
  std::string name = "none";
  bool random_servers = false;  // Poisson thinning: each request picks a server at random
  bool preload = false;         // sync-expiry: fill every key at t=0
  double ttl_jitter = 0;
  SimTime flash_at = 0;  // 0: no rate change
  double base_rate = 0;
};

// Reads --scenario and rewrites the workload parameters it implies in *p.
ScenarioConfig ApplyScenario(Params* p);
// --recompute-ms as a latency distribution; false when 0 (keep --db-read-latency).
bool RecomputeLatency(const Params& p, Distribution* out);

}  // namespace cachelab
