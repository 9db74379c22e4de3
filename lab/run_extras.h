// Pieces of a run beyond the request loop: scheduling injected faults,
// preloading keys for the synchronised-expiry scenario, and end-of-run
// figures (cache entries that disagree with the database, peak DB rate).
#pragma once
#include <cstdint>
#include <vector>

#include "lab/faults.h"
#include "sim/run_report.h"
#include "sim/sim_redis.h"
#include "strategies/harness.h"
#include "strategies/strategy.h"

namespace cachelab {

// Events are appended to *events when the faults happen.
void ScheduleFaults(const std::vector<Fault>& faults, Simulator& sim, SimRedis& redis, Strategy& strategy,
                    std::vector<RunEvent>* events);

// SETs keys [0, keys) at t=0 with version 0 and TTL ttl * (1 + jitter * U) (+ extra).
void Preload(Harness& h, Strategy& s, uint64_t keys, double jitter, SimTime extra_ttl, SimTime delta, uint64_t seed,
             uint32_t size);

// divergent_keys: keys [0, keys) whose cached version differs from the
// database's; never_corrected_keys: those of them without a TTL.
void ReportDivergence(RedisStore& store, const SimDatabase& db, uint64_t keys, RunReport* r);

// peak_db_qps: the highest per-window database query rate; mean read/write rates.
void ReportPeakDbRate(RunReport* r);

// --ttl trace: the base TTLs the keys hold at the end (the trace's latest per
// key, or the twin's draw): ttl_trace.keys_with_ttl, .mean_s, .p50_s, .max_s
// over the keys with one.
void ReportBaseTtls(const std::vector<SimTime>& key_ttl, RunReport* r);

}  // namespace cachelab
