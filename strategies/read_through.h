// Read-through: the application asks only the cache layer; on a miss that
// layer's loader reads the database, fills and answers (the application
// never queries the database on reads). In virtual time the read is the same
// GET / SELECT / SET sequence as cache-aside: what differs is where the
// loader lives, which is why stampede guards plug in there. Writes go to the
// database and then through the invalidation scheme, as in cache-aside.
#pragma once
#include "strategies/cache_aside.h"

namespace cachelab {

class ReadThrough final : public CacheAside {
 public:
  using CacheAside::CacheAside;
  std::string_view Name() const override { return "read-through"; }
};

// Refresh-ahead (Caffeine's refreshAfterWrite): read-through, plus a hit on a
// value with less than refresh_fraction of its TTL left triggers one
// background reload per key and server, so a hot key never expires.
class RefreshAhead final : public CacheAside {
 public:
  RefreshAhead(Harness& h, const StrategyConfig& c) : CacheAside(h, c) { path_.EnableRefreshAhead(c.refresh_fraction); }
  std::string_view Name() const override { return "refresh-ahead"; }
  // With no reload in the measured run it was cache-aside's run: the note says why.
  void Report(RunReport* r) const override;
};

}  // namespace cachelab
