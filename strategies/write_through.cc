#include "strategies/write_through.h"

#include "strategies/invalidation/invalidation.h"

namespace cachelab {

void WriteThrough::Write(ReqId id) {
  if (!update_) {
    CacheAside::Write(id);
    return;
  }
  h_.db().Write(h_.request(id).key, h_.KeyIdOf(id), [this, id](uint64_t version) {
    const Request& r = h_.request(id);
    SetOptions opt;
    Blob value = path_.FillValue(r.key, version, r.size, 0, &opt);
    h_.cache_for(r.key).SetById(h_.KeyIdOf(id), CacheKey(r.key), std::move(value), opt, [this, id](RedisReply&& reply) {
      if (reply.is_error()) path_.CountCacheError();  // committed anyway: the client sees no error
      HalfDone(id);
    });
    // Pipelined behind the SET on the key's node, so they run after it: related
    // keys, readers' version, near caches (docs/invalidation.md).
    h_.invalidation().OnWriteSet(r.key, version, [this, id] { HalfDone(id); });
  });
}

void WriteThrough::HalfDone(ReqId id) {
  auto [it, first] = halves_.try_emplace(id, true);
  if (first) return;
  halves_.erase(it);
  h_.CompleteWrite(id, WriteOutcome{true, false});
}

}  // namespace cachelab
