// In-process guards: one lock per (application server, key), so M servers
// can still send up to M loads per expiry.
//   local-lock:    the double-checked lock: waiters block on the lock, then
//                  read the cache again (usually a hit on the leader's fill).
//   single-flight: waiters are handed the leader's result directly.
#include <unordered_map>
#include <vector>

#include "strategies/read_path.h"
#include "strategies/stampede/guard.h"

namespace cachelab {
namespace {

class LocalLockGuard final : public StampedeGuard {
 public:
  LocalLockGuard(ReadPath& p, bool share) : StampedeGuard(p), share_(share) {}
  std::string_view Name() const override { return share_ ? "single-flight" : "local-lock"; }

  void OnMiss(ReqId id, bool) override {
    const Request& r = p_.h().request(id);
    uint64_t slot = (r.key << 16) ^ r.client;
    auto it = held_.find(slot);
    if (it != held_.end()) {
      p_.BeginWait(id);
      it->second.push_back(id);
      return;
    }
    held_.emplace(slot, std::vector<ReqId>{});
    p_.Load(id, LoadKind::kMiss, [this, id, slot](uint64_t version, bool ok) {
      auto node = held_.extract(slot);  // release the lock
      if (ok)
        p_.Serve(id, version, false);
      else
        p_.Fail(id);
      for (ReqId w : node.mapped()) {
        if (!ok)
          p_.Fail(w);
        else if (share_)
          p_.Serve(w, version, false);
        else
          p_.Get(w);  // double-check: the leader filled the cache
      }
    });
  }

 private:
  bool share_;
  std::unordered_map<uint64_t, std::vector<ReqId>> held_;  // lock -> waiters
};

}  // namespace

std::unique_ptr<StampedeGuard> MakeLocalLockGuard(ReadPath& p, bool share_result) {
  return std::make_unique<LocalLockGuard>(p, share_result);
}

}  // namespace cachelab
