// Fault injection from parameters: application-server crashes (their
// in-process state and write-behind buffers are lost), cache-node crashes
// (the node loses its data) and cache outages (commands time out for a
// while). The runner schedules them and records each in RunReport.events.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "lab/params.h"
#include "sim/time.h"

namespace cachelab {

struct Fault {
  enum class Kind : uint8_t { kServerCrash, kCacheCrash, kCacheOutage } kind;
  SimTime at = 0;
  uint32_t server = 0;
  SimTime duration = 0;  // outage length
};

// Parses --crash and --cache-outage (throws ParamError naming the flag).
std::vector<Fault> ParseFaults(const Params& p, uint64_t servers);

}  // namespace cachelab
