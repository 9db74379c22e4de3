#include "lab/run_extras.h"

#include <algorithm>
#include <memory>
#include <string>

#include "sim/histogram.h"
#include "sim/rng.h"
#include "strategies/cached_value.h"
#include "strategies/invalidation/invalidation.h"

namespace cachelab {

void ScheduleFaults(const std::vector<Fault>& faults, Simulator& sim, SimRedis& redis, Strategy& strategy,
                    std::vector<RunEvent>* events) {
  for (const Fault& f : faults) {
    switch (f.kind) {
      case Fault::Kind::kServerCrash:
        sim.ScheduleAt(
            f.at,
            [&strategy, &sim, events, server = f.server] {
              events->push_back({sim.Now(), "server-crash", "application server " + std::to_string(server)});
              strategy.OnServerCrash(server);
            },
            /*background=*/true);
        break;
      case Fault::Kind::kCacheCrash:
        sim.ScheduleAt(
            f.at,
            [&redis, &sim, events] {
              events->push_back(
                  {sim.Now(), "cache-crash", "cache node lost " + std::to_string(redis.store().size()) + " keys"});
              redis.store().FlushDb();
            },
            true);
        break;
      case Fault::Kind::kCacheOutage:
        sim.ScheduleAt(
            f.at,
            [&redis, &sim, events, d = f.duration] {
              events->push_back({sim.Now(), "cache-outage", "cache unreachable for " + FormatDuration(d)});
              redis.set_down(true);
              sim.Schedule(
                  d,
                  [&redis, &sim, events] {
                    events->push_back({sim.Now(), "cache-recovered", ""});
                    redis.set_down(false);
                  },
                  true);
            },
            true);
        break;
    }
  }
}

void Preload(Harness& h, Strategy& s, uint64_t keys, double jitter, SimTime extra_ttl, SimTime delta, uint64_t seed,
             uint32_t size) {
  Rng rng(seed, "preload-jitter");
  for (uint64_t k = 0; k < keys; ++k) {
    SimTime ttl = h.invalidation().TtlFor(k);
    if (ttl > 0) ttl = static_cast<SimTime>(static_cast<double>(ttl) * (1 + jitter * rng.Uniform()));
    SimTime hard = ttl > 0 ? ttl + extra_ttl : 0;
    CachedValue v{0, delta, extra_ttl > 0 && ttl > 0 ? ttl : 0, hard, 0};
    // By id (Warmed below gives it anyway, in the same order): no by-name index for it.
    h.cache_for(k).SetById(h.db().KeyId(k), CacheKey(k), EncodeValue(v, size, true), FillOptions(hard), [](RedisReply&&) {});
    s.Warmed(k);
  }
}

void ReportDivergence(RedisStore& store, const SimDatabase& db, uint64_t keys, RunReport* r) {
  int64_t divergent = 0, never = 0;
  if (keys > 0) store.BeginGet();  // the first GET's eviction, if memory ended above maxmemory
  for (uint64_t k = 0; k < std::min<uint64_t>(keys, 1u << 24); ++k) {
    // By id and without GET's side effects (the run is over; BeginGet made the
    // peeks answer as GETs would): no lookup by name, so the store never
    // builds its by-name index for this. A key no
    // request touched has no id, and is not cached while every key came with one.
    uint32_t id = db.key_ids().Find(k);
    if (id == kNoKeyId && store.unlinked_keys() == 0) continue;
    std::string name = CacheKey(k);
    Blob value;
    if (!store.PeekString(name, id, &value) || value.data.empty() || value.data[0] != 'v') continue;
    if (VersionOf(value) == db.Version(k)) continue;
    ++divergent;
    if (store.PeekTtlMs(name, id) == -1) ++never;
  }
  r->Set("divergent_keys", divergent);
  r->Set("never_corrected_keys", never);
}

void ReportBaseTtls(const std::vector<SimTime>& key_ttl, RunReport* r) {
  Histogram ms;  // log buckets: p50 within 0.8%
  for (SimTime t : key_ttl)
    if (t > 0) ms.Record(static_cast<uint64_t>(t / kMillisecond));
  r->Set("ttl_trace.keys_with_ttl", static_cast<int64_t>(ms.count()));
  r->Set("ttl_trace.mean_s", ms.mean() / 1e3);
  r->Set("ttl_trace.p50_s", ms.count() ? ms.Quantile(0.5) / 1e3 : 0.0);
  r->Set("ttl_trace.max_s", static_cast<double>(ms.max()) / 1e3);
}

void ReportPeakDbRate(RunReport* r) {
  double peak = 0, peak_reads = 0;
  for (const auto& s : r->series) {
    if (s.name == "db_queries_per_s")
      for (double v : s.v) peak = std::max(peak, v);
    if (s.name == "db_reads_per_s")
      for (double v : s.v) peak_reads = std::max(peak_reads, v);
  }
  r->Set("peak_db_qps", peak);
  double seconds = r->GetNumber("sim_seconds");
  r->Set("db_reads_per_sec", seconds > 0 ? r->GetNumber("db_reads") / seconds : 0.0);
  r->Set("db_writes_per_sec", seconds > 0 ? r->GetNumber("db_writes") / seconds : 0.0);
  r->Set("peak_db_read_qps", peak_reads);
}

}  // namespace cachelab
