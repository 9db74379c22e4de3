// `lease` (Nishtala et al., "Scaling Memcache at Facebook", NSDI 2013): the
// first miss installs a lease placeholder in the key itself
// (SET k L<token> NX PX lease_ttl) and loads; others find the placeholder (a
// hot miss) and retry after poll_interval. The holder fills with SET XX GET, so a
// fill whose lease was removed by an invalidating write (DEL) is refused:
// that is what stops the stale set of cache-aside's read/write race. Redis
// has no compare-and-set without Lua: if the GET shows the placeholder was
// not ours (a new lease taken after such a DEL), the holder deletes what it
// wrote (counted in lease_conflicts); memcache checks the token itself.
#include "strategies/read_path.h"
#include "strategies/stampede/guard.h"

namespace cachelab {
namespace {

class LeaseGuard final : public StampedeGuard {
 public:
  LeaseGuard(ReadPath& p, const StampedeConfig& c) : StampedeGuard(p), c_(c) {}
  std::string_view Name() const override { return "lease"; }

  void OnMiss(ReqId id, bool hot) override {
    if (hot) {
      ++hot_misses_;
      Retry(id);
      return;
    }
    uint64_t key = p_.h().request(id).key;
    SetOptions opt;
    opt.cond = SetOptions::Cond::kNx;
    opt.expire_ms = std::max<SimTime>(1, c_.lock_ttl / kMillisecond);
    CachedValue lease;
    uint64_t token = lease.lease = ++token_;
    p_.h().cache_for(key).Set(CacheKey(key), EncodeValue(lease, 0, false), opt, [this, id, token](RedisReply&& reply) {
      if (reply.is_error()) {
        p_.CountCacheError();
        p_.Fallback(id);
      } else if (reply.is_ok()) {
        ++leases_;
        p_.LoadAndServe(id, LoadKind::kLease, token);
      } else {
        Retry(id);  // someone else got the lease (or filled) first
      }
    });
  }

  void StartMeasurement() override { leases_ = hot_misses_ = 0; }
  void Report(RunReport* r) const override {
    r->Set("leases_granted", static_cast<int64_t>(leases_));
    r->Set("hot_misses", static_cast<int64_t>(hot_misses_));
  }

 private:
  void Retry(ReqId id) {
    p_.BeginWait(id);
    p_.h().sim().Schedule(c_.poll_interval, [this, id] { p_.Get(id); });
  }

  StampedeConfig c_;
  uint64_t token_ = 0, leases_ = 0, hot_misses_ = 0;
};

}  // namespace

std::unique_ptr<StampedeGuard> MakeLeaseGuard(ReadPath& p, const StampedeConfig& c) {
  return std::make_unique<LeaseGuard>(p, c);
}

}  // namespace cachelab
