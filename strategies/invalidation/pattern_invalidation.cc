#include "strategies/invalidation/pattern_invalidation.h"

#include "sim/sim_redis.h"

namespace cachelab {

std::string PatternInvalidation::FamilyPattern(uint64_t key) {
  // "k:?" matches k:0..k:9; otherwise "k:<key/10>?" matches its ten siblings.
  return key < 10 ? std::string("k:?") : "k:" + std::to_string(key / 10) + "?";
}

void PatternInvalidation::OnWrite(uint64_t key, Done done) {
  ++writes_;
  if (!rng_.Bernoulli(c_.pattern_fraction)) {
    DeleteOnWrite(key, std::move(done));
    return;
  }
  StartJob(key, /*keep=*/false, std::move(done));
}

void PatternInvalidation::OnWriteSet(uint64_t key, uint64_t, Done done) {
  ++writes_;
  if (!rng_.Bernoulli(c_.pattern_fraction)) {
    done();  // the strategy set the key: nothing else to drop
    return;
  }
  StartJob(key, /*keep=*/true, std::move(done));
}

void PatternInvalidation::StartJob(uint64_t key, bool keep, Done done) {
  ++invalidations_;
  uint32_t id = jobs_.Acquire();
  Job& j = jobs_[id];
  j.pattern = FamilyPattern(key);
  j.keep = keep ? CacheKey(key) : std::string();
  j.matched.assign({"DEL"});
  j.parked = Park(std::move(done));
  j.start = h_.sim().Now();
  j.active = true;
  Scan(id, key, "0");
}

void PatternInvalidation::Scan(uint32_t id, uint64_t key, const std::string& cursor) {
  ++scans_;
  CountExtra();
  CacheBackend& node = h_.cache_for(key);
  node.Command({"SCAN", cursor, "MATCH", jobs_[id].pattern, "COUNT", std::to_string(c_.scan_count)},
               [this, id, key](RedisReply&& reply) {
                 if (reply.type != RedisReply::Type::kArray || reply.elements.size() != 2) {
                   Finish(id);  // the cache failed: give up, TTL will clean up
                   return;
                 }
                 Job& j = jobs_[id];
                 for (auto& k : reply.elements[1].elements)
                   if (k.str.data != j.keep) j.matched.push_back(std::move(k.str.data));
                 const std::string& next = reply.elements[0].str.data;
                 if (next != "0") {
                   Scan(id, key, next);
                   return;
                 }
                 if (j.matched.size() == 1) {
                   Finish(id);
                   return;
                 }
                 CountExtra();  // the DEL (one per family instead of the baseline's one per key)
                 h_.cache_for(key).Command(std::move(j.matched), [this, id](RedisReply&& del) {
                   if (del.type == RedisReply::Type::kInteger) deleted_ += static_cast<uint64_t>(del.integer);
                   Finish(id);
                 });
               });
}

void PatternInvalidation::Finish(uint32_t id) {
  Job& j = jobs_[id];
  duration_.Record(static_cast<uint64_t>(h_.sim().Now() - j.start));
  j.active = false;
  j.matched.clear();
  jobs_.Release(id);
  Unpark(j.parked)();
}

void PatternInvalidation::StartMeasurement() {
  SchemeBase::StartMeasurement();
  invalidations_ = scans_ = deleted_ = 0;
  duration_.Clear();
  if (auto* redis = dynamic_cast<SimRedis*>(&h_.cache_for(0))) scanned_at_start_ = redis->store().stats().scanned_keys;
}

void PatternInvalidation::Report(RunReport* r) const {
  SchemeBase::Report(r);
  r->Set("extra_memory_bytes", int64_t{0});
  r->Set("pattern_invalidations", static_cast<int64_t>(invalidations_));
  r->Set("pattern_scan_commands", static_cast<int64_t>(scans_));
  // Keys SCAN visited, from the server's own count (simulated Redis only).
  if (auto* redis = dynamic_cast<SimRedis*>(&h_.cache_for(0)))
    r->Set("pattern_keys_scanned", static_cast<int64_t>(redis->store().stats().scanned_keys - scanned_at_start_));
  r->Set("pattern_keys_deleted", static_cast<int64_t>(deleted_));
  r->Set("pattern_invalidation_ms.p50", duration_.count() ? duration_.Quantile(0.5) / 1e6 : 0.0);
  r->Set("pattern_invalidation_ms.p99", duration_.count() ? duration_.Quantile(0.99) / 1e6 : 0.0);
  r->Set("pattern_invalidation_ms.max", duration_.count() ? static_cast<double>(duration_.max()) / 1e6 : 0.0);
}

}  // namespace cachelab
