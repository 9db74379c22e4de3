#include "strategies/cache_aside.h"

#include <algorithm>

#include "strategies/invalidation/invalidation.h"

namespace cachelab {

void CacheAside::Read(ReqId id) {
  const Request& r = h_.request(id);
  h_.cache_for(r.key).Get(CacheKey(r.key), [this, id](RedisReply&& reply) {
    if (reply.type == RedisReply::Type::kString) {
      h_.invalidation().OnHit(h_.request(id).key);
      h_.CompleteRead(id, ReadOutcome{true, VersionOf(reply.str), false, false});
      return;
    }
    LoadAndFill(id, reply.is_error());
  });
}

void CacheAside::LoadAndFill(ReqId id, bool cache_failed) {
  h_.db().Read(h_.request(id).key, [this, id, cache_failed](uint64_t version) {
    if (cache_failed) {  // don't hammer a failing cache with the fill
      h_.CompleteRead(id, ReadOutcome{false, version, true, false});
      return;
    }
    const Request& r = h_.request(id);
    SetOptions opt = FillOptions(h_.invalidation().TtlFor(r.key));
    h_.cache_for(r.key).Set(CacheKey(r.key), VersionedValue(version, r.size), opt,
                            [this, id, version](RedisReply&&) {
                              h_.CompleteRead(id, ReadOutcome{false, version, false, false});
                            });
  });
}

void CacheAside::Write(ReqId id) {
  h_.db().Write(h_.request(id).key, [this, id](uint64_t) {
    h_.invalidation().OnWrite(h_.request(id).key, [this, id] { h_.CompleteWrite(id, WriteOutcome{true, false}); });
  });
}

}  // namespace cachelab
