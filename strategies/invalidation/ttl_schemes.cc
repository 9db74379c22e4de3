#include "strategies/invalidation/ttl_schemes.h"

#include <charconv>

namespace cachelab {

void FixedTtlInvalidation::OnWrite(uint64_t key, Done done) {
  ++writes_;
  if (delete_on_write_) DeleteOnWrite(key, std::move(done));
  else done();
}

SimTime JitterTtlInvalidation::TtlFor(uint64_t key) {
  double factor = 1 + c_.jitter * (2 * rng_.Uniform() - 1);
  return static_cast<SimTime>(static_cast<double>(BaseTtl(c_, key)) * factor);
}

void SlidingTtlInvalidation::OnHit(uint64_t key) {
  // PEXPIRE k ttl: one extra command per hit, fire and forget.
  SimTime ttl = BaseTtl(c_, key);
  if (ttl <= 0) return;  // no expiry to slide (PEXPIRE would set one)
  char ms[24];
  auto [p, ec] = std::to_chars(ms, ms + sizeof ms, std::max<SimTime>(1, ttl / kMillisecond));
  h_.cache_for(key).Command({"PEXPIRE", CacheKey(key), std::string(ms, p)}, [](RedisReply&&) {});
  CountExtra();
}

bool AccessAgeTtlInvalidation::BeforeRequest(const Request& r, ReadOutcome* local) {
  if (r.key < c_.keys) {  // as before: only keyspace ids are tracked
    Access& a = access_.Get(r.key);
    a.previous = a.last;
    a.last = h_.sim().Now();
  }
  return FixedTtlInvalidation::BeforeRequest(r, local);
}

SimTime AccessAgeTtlInvalidation::TtlFor(uint64_t key) {
  // The age that matters is the gap before the access that caused this fill:
  // a key read again within one TTL is likely to be read again soon.
  const Access* a = access_.Find(key);
  SimTime prev = a ? a->previous : -1;
  SimTime base = BaseTtl(c_, key);
  bool hot = prev >= 0 && h_.sim().Now() - prev <= base;
  ++(hot ? hot_fills_ : cold_fills_);
  double ttl = static_cast<double>(base);
  return static_cast<SimTime>(hot ? ttl * c_.access_factor : ttl / c_.access_factor);
}

void AccessAgeTtlInvalidation::Report(RunReport* r) const {
  FixedTtlInvalidation::Report(r);
  r->Set("access_age_hot_fills", static_cast<int64_t>(hot_fills_));
  r->Set("access_age_cold_fills", static_cast<int64_t>(cold_fills_));
}

}  // namespace cachelab
