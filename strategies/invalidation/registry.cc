#include "strategies/invalidation/invalidation.h"

#include <algorithm>
#include <memory>

namespace cachelab {

SetOptions FillOptions(SimTime ttl) {
  SetOptions opt;
  if (ttl > 0) opt.expire_ms = std::max<SimTime>(1, ttl / kMillisecond);
  return opt;
}

void FixedTtlInvalidation::OnWrite(uint64_t key, Done done) {
  auto shared_done = std::make_shared<Done>(std::move(done));
  h_.cache_for(key).Del(CacheKey(key), [shared_done](RedisReply&&) { (*shared_done)(); });
}

std::vector<std::string> InvalidationNames() { return {"ttl"}; }

std::unique_ptr<Invalidation> MakeInvalidation(std::string_view name, Harness& harness, const InvalidationConfig& config,
                                               std::string* error) {
  if (name == "ttl" || name == "delete-on-write") return std::make_unique<FixedTtlInvalidation>(harness, config);
  if (error) *error = "unknown invalidation scheme '" + std::string(name) + "'";
  return nullptr;
}

}  // namespace cachelab
