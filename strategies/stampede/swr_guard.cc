// `stale-while-revalidate`: the scheme's TTL is the soft TTL; the cache keeps
// the value stale_window longer (the hard TTL). Past the soft TTL a hit is
// served stale at once and one background refresh runs, guarded by a lock on
// the cache (SET NX PX) so the cluster sends one load per refresh. Past the
// hard TTL the key is gone and requests block on a load (as `none`).
#include <unordered_set>

#include "strategies/read_path.h"
#include "strategies/stampede/guard.h"

namespace cachelab {
namespace {

class SwrGuard final : public StampedeGuard {
 public:
  SwrGuard(ReadPath& p, const StampedeConfig& c) : StampedeGuard(p), c_(c) {}
  std::string_view Name() const override { return "stale-while-revalidate"; }
  bool metadata() const override { return true; }
  SimTime extra_ttl() const override { return c_.stale_window; }

  bool OnHit(ReqId id, const CachedValue& v) override {
    if (v.soft_expiry == 0 || p_.h().sim().Now() < v.soft_expiry) return false;
    p_.CountStaleServe();
    const Request& r = p_.h().request(id);
    uint64_t slot = (r.key << 16) ^ r.client;
    if (local_.insert(slot).second) TryRefresh(r.key, r.size, r.client, slot);
    p_.Serve(id, v.version, true);
    return true;
  }
  void OnMiss(ReqId id, bool) override { p_.LoadAndServe(id, LoadKind::kMiss); }

 private:
  void TryRefresh(uint64_t key, uint32_t size, uint32_t server, uint64_t slot) {
    SetOptions opt;
    opt.cond = SetOptions::Cond::kNx;
    opt.expire_ms = std::max<SimTime>(1, c_.lock_ttl / kMillisecond);
    p_.h().cache_for(key).Set(
        "refresh:" + CacheKey(key), Blob{"1", 0}, opt, [this, key, size, server, slot](RedisReply&& reply) {
          if (!reply.is_ok()) {  // someone else refreshes (or the cache failed)
            local_.erase(slot);
            return;
          }
          p_.LoadKey(key, size, server, p_.CurrentStamp(key), LoadKind::kBackground, [this, key, slot](uint64_t, bool) {
            local_.erase(slot);
            p_.h().cache_for(key).Del("refresh:" + CacheKey(key), [](RedisReply&&) {});
          });
        });
  }

  StampedeConfig c_;
  std::unordered_set<uint64_t> local_;  // (key, server) with a refresh attempt under way
};

}  // namespace

std::unique_ptr<StampedeGuard> MakeSwrGuard(ReadPath& p, const StampedeConfig& c) {
  return std::make_unique<SwrGuard>(p, c);
}

}  // namespace cachelab
