#include "strategies/invalidation/scheme_base.h"

#include "sim/sim_redis.h"

namespace cachelab {

SchemeBase::SchemeBase(Harness& h, const InvalidationConfig& c) : h_(h), c_(c) {
  if (c.near_cache) near_ = std::make_unique<NearCache>(c.servers, c.keys, c.near_ttl);
}

bool SchemeBase::BeforeRequest(const Request& r, ReadOutcome* local) {
  if (!near_) return false;
  if (r.op != Op::kGet) {  // the writing server drops its own copy at once
    near_->Erase(r.client, r.key);
    return false;
  }
  uint64_t version;
  if (!near_->Lookup(r.client, r.key, h_.sim().Now(), &version)) return false;
  *local = ReadOutcome{true, version, false, false};
  return true;
}

void SchemeBase::AfterRead(const Request& r, const ReadOutcome& o) {
  if (near_ && !o.failed) near_->Fill(r.client, r.key, o.version, h_.sim().Now());
}

void SchemeBase::DeleteOnWrite(uint64_t key, Done done) {
  // By id (the written key has one already): the store needs no by-name index for it.
  CacheBackend& cache = h_.cache_for(key);
  if (SimRedis* direct = cache.Direct()) return direct->DelDirect(h_.db().KeyId(key), deleted_, Park(std::move(done)));
  cache.DelById(h_.db().KeyId(key), CacheKeyName(key), [done = std::move(done)](RedisReply&&) mutable { done(); });
}

void SchemeBase::OnWriteSet(uint64_t, uint64_t, Done done) {
  ++writes_;
  done();
}

uint32_t SchemeBase::Park(Done done) {
  uint32_t slot = parked_.Acquire();
  parked_[slot] = std::move(done);
  return slot;
}

Invalidation::Done SchemeBase::Unpark(uint32_t slot) {
  parked_.Release(slot);
  return std::move(parked_[slot]);
}

void SchemeBase::StartMeasurement() {
  writes_ = extra_commands_ = 0;
  if (near_) near_->ResetCounts();
}

void SchemeBase::Report(RunReport* r) const {
  r->Set("extra_memory_bytes", int64_t{0});  // schemes that hold extra memory overwrite it
  r->Set("invalidation_writes", static_cast<int64_t>(writes_));
  r->Set("invalidation_extra_commands", static_cast<int64_t>(extra_commands_));
  r->Set("extra_commands_per_write", writes_ ? static_cast<double>(extra_commands_) / writes_ : 0.0);
  r->Set("near_cache", near_ ? "on" : "off");
  if (near_) {
    r->Set("near_cache_hits", static_cast<int64_t>(near_->hits()));
    r->Set("near_cache_fills", static_cast<int64_t>(near_->fills()));
    r->Set("near_cache_erases", static_cast<int64_t>(near_->erases()));
    r->Set("near_cache_entries", static_cast<int64_t>(near_->Live(h_.sim().Now())));
  }
}

}  // namespace cachelab
