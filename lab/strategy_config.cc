#include "lab/strategy_config.h"

#include "strategies/stampede/guard.h"

namespace cachelab {

StrategyConfig ParseStrategyConfig(const Params& p) {
  StrategyConfig c;
  c.flush_interval = p.Duration("flush-interval", kMicrosecond);
  c.batch_size = static_cast<uint32_t>(p.UInt("batch-size", 1, 1000000));
  c.coalesce = p.Bool("coalesce");
  c.refresh_fraction = p.Real("refresh-fraction", 0, 1);
  c.stampede.guard = p.Choice("stampede", StampedeNames());
  c.stampede.lock_ttl = p.Duration("lock-ttl", kMillisecond);
  c.stampede.poll_interval = p.Duration("poll-interval", kMicrosecond);
  c.stampede.max_wait = p.Duration("lock-max-wait");
  c.stampede.beta = p.Real("xfetch-beta", 1e-6, 1e6);
  c.stampede.stale_window = p.Duration("swr-window");
  c.seed = p.UInt("seed");
  return c;
}

}  // namespace cachelab
