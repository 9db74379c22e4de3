#include "strategies/cache_aside.h"

#include "strategies/invalidation/invalidation.h"

namespace cachelab {

void CacheAside::Write(ReqId id) {
  h_.db().Write(h_.request(id).key, [this, id](uint64_t) {
    h_.invalidation().OnWrite(h_.request(id).key, [this, id] { h_.CompleteWrite(id, WriteOutcome{true, false}); });
  });
}

}  // namespace cachelab
