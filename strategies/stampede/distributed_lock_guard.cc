// `distributed-lock`: SET lock:<key> <token> NX PX lock_ttl on the cache. The
// winner loads, fills and DELs the lock; losers poll the cache every
// poll_interval (and load themselves after max_wait, if set). A holder whose
// server dies leaves the lock until its TTL, so pollers wait that long.
#include <string>

#include "strategies/read_path.h"
#include "strategies/stampede/guard.h"

namespace cachelab {
namespace {

class DistributedLockGuard final : public StampedeGuard {
 public:
  DistributedLockGuard(ReadPath& p, const StampedeConfig& c) : StampedeGuard(p), c_(c) {}
  std::string_view Name() const override { return "distributed-lock"; }

  void OnMiss(ReqId id, bool) override {
    const Request& r = p_.h().request(id);
    SetOptions opt;
    opt.cond = SetOptions::Cond::kNx;
    opt.expire_ms = std::max<SimTime>(1, c_.lock_ttl / kMillisecond);
    ++attempts_;
    p_.h().cache_for(r.key).Set(LockKey(r.key), Blob{std::to_string(++token_), 0}, opt,
                                [this, id](RedisReply&& reply) { OnLockReply(id, std::move(reply)); });
  }

  void StartMeasurement() override { attempts_ = 0; }
  void Report(RunReport* r) const override { r->Set("lock_attempts", static_cast<int64_t>(attempts_)); }

 private:
  static std::string LockKey(uint64_t key) { return "lock:" + CacheKey(key); }

  void OnLockReply(ReqId id, RedisReply&& reply) {
    if (reply.is_error()) {
      p_.CountCacheError();
      p_.Fallback(id);
      return;
    }
    if (reply.is_ok()) {
      p_.Load(id, LoadKind::kMiss, [this, id](uint64_t version, bool ok) {
        if (!ok) {  // the holder died: the lock stays until its TTL
          p_.Fail(id);
          return;
        }
        uint64_t key = p_.h().request(id).key;
        p_.h().cache_for(key).Del(LockKey(key), [](RedisReply&&) {});
        p_.Serve(id, version, false);
      });
      return;
    }
    p_.BeginWait(id);
    SimTime waited = p_.h().sim().Now() - p_.h().request(id).at;
    if (c_.max_wait > 0 && waited >= c_.max_wait) {
      p_.LoadAndServe(id, LoadKind::kMiss);  // give up waiting: load anyway
      return;
    }
    p_.h().sim().Schedule(c_.poll_interval, [this, id] { p_.Get(id); });
  }

  StampedeConfig c_;
  uint64_t token_ = 0, attempts_ = 0;
};

}  // namespace

std::unique_ptr<StampedeGuard> MakeDistributedLockGuard(ReadPath& p, const StampedeConfig& c) {
  return std::make_unique<DistributedLockGuard>(p, c);
}

}  // namespace cachelab
