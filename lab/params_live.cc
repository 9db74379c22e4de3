// Parameters of runs against live Redis (`cachelab run --backend redis://...`).
// The server URLs themselves are a CLI concern (cli/live_flags.h): they name a
// machine, not an experiment, and never go into an experiment file.
#include "lab/params.h"

namespace cachelab {

std::vector<ParamDef> LiveParamDefs() {
  return {
      {"speedup", "1",
       "live runs: simulated seconds per wall second; arrivals, TTLs (sent to Redis as PX ttl/speedup), timers "
       "and database latencies scale together (ignored by simulated runs)",
       "live"},
  };
}

}  // namespace cachelab
