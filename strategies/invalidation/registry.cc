#include <algorithm>
#include <memory>

#include "sim/sim_redis.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/invalidation/pattern_invalidation.h"
#include "strategies/invalidation/pubsub_invalidation.h"
#include "strategies/invalidation/tag_invalidation.h"
#include "strategies/invalidation/ttl_schemes.h"
#include "strategies/invalidation/version_invalidation.h"

namespace cachelab {

SetOptions FillOptions(SimTime ttl) {
  SetOptions opt;
  if (ttl > 0) opt.expire_ms = std::max<SimTime>(1, ttl / kMillisecond);
  return opt;
}

std::vector<std::string> InvalidationNames() {
  return {"ttl", "ttl-only", "jitter", "sliding", "access-age", "tiered", "tags", "pattern", "version", "pubsub"};
}

std::unique_ptr<Invalidation> MakeInvalidation(std::string_view name, Harness& harness, const InvalidationConfig& config,
                                               std::string* error) {
  if (name == "ttl" || name == "delete-on-write") return std::make_unique<FixedTtlInvalidation>(harness, config);
  if (name == "ttl-only") return std::make_unique<FixedTtlInvalidation>(harness, config, /*delete_on_write=*/false);
  if (name == "jitter") return std::make_unique<JitterTtlInvalidation>(harness, config);
  if (name == "sliding") return std::make_unique<SlidingTtlInvalidation>(harness, config);
  if (name == "access-age") return std::make_unique<AccessAgeTtlInvalidation>(harness, config);
  if (name == "tiered") return std::make_unique<TieredTtlInvalidation>(harness, config);
  if (name == "tags") return std::make_unique<TagInvalidation>(harness, config);
  if (name == "pattern") return std::make_unique<PatternInvalidation>(harness, config);
  if (name == "version") return std::make_unique<VersionInvalidation>(harness, config);
  if (name == "pubsub") {
    // The channel registry is the simulated server's (a live backend would need its own subscriber).
    if (auto* redis = dynamic_cast<SimRedis*>(&harness.cache_for(0)))
      return std::make_unique<PubSubInvalidation>(harness, config, *redis);
    if (error) *error = "invalidation scheme 'pubsub' needs the simulated Redis";
    return nullptr;
  }
  if (error) *error = "unknown invalidation scheme '" + std::string(name) + "'";
  return nullptr;
}

}  // namespace cachelab
