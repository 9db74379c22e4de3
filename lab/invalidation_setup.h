// The runner's side of the invalidation schemes: their configuration from
// parameters, the synchronised warm-up (many keys filled at t=0), and what is
// measured around any scheme: expiry synchronisation (keys expiring per
// one-second window, whatever --window is) and staleness age.
#pragma once
#include <cstdint>
#include <functional>

#include "lab/params.h"
#include "sim/histogram.h"
#include "sim/metrics.h"
#include "sim/run_report.h"
#include "sim/sim_redis.h"
#include "strategies/harness.h"
#include "strategies/invalidation/invalidation.h"

namespace cachelab {

// Throws ParamError naming the bad parameter.
InvalidationConfig ParseInvalidationConfig(const Params& p);

// Fills keys 0..n-1 at the current instant, each SET with the TTL the scheme
// gives (and whatever the scheme does on a fill), carrying the database's
// current version; size_of gives each key's value size.
void WarmUp(Harness& h, uint64_t n, const std::function<uint32_t(uint64_t)>& size_of);

// Expiry synchronisation from the store's deadline calendar: keys reaching
// their TTL deadline in each whole second so far (1 s windows whatever
// --window is). Adds max_expirations_per_second and the series
// expirations_per_second.
class ExpiryMonitor {
 public:
  ExpiryMonitor(const Simulator& sim, const RedisStore& store) : sim_(sim), store_(store) {}
  void Report(RunReport* r) const;
  uint64_t MaxPerSecond() const;
  // --warmup: seconds before `t` are left out (t rounded up to a whole second).
  void StartAt(SimTime t) { first_ = static_cast<size_t>((t + kSecond - 1) / kSecond); }

 private:
  size_t CompleteSeconds() const { return static_cast<size_t>(sim_.Now() / kSecond); }
  const Simulator& sim_;
  const RedisStore& store_;
  size_t first_ = 0;
};

// staleness_ms.{p50,p99,max} from the staleness histogram (nanoseconds).
void AddStaleness(RunReport* r, const Histogram& staleness);

}  // namespace cachelab
