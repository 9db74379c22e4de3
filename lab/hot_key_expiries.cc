#include "lab/hot_key_expiries.h"

#include <algorithm>

#include "strategies/harness.h"

namespace cachelab {

void HotKeyExpiries::Watch(uint64_t keys, const std::function<double(uint64_t)>& weight) {
  std::vector<std::pair<double, uint64_t>> top;  // (weight, key), the heaviest first
  for (uint64_t k = 0; k < keys; ++k) {
    double w = weight(k);
    if (top.size() == kKeys && w <= top.back().first) continue;
    auto at = std::find_if(top.begin(), top.end(), [&](const auto& t) { return w > t.first; });
    top.insert(at, {w, k});
    if (top.size() > kKeys) top.pop_back();
  }
  std::vector<uint64_t> ranked;
  for (const auto& t : top) ranked.push_back(t.second);
  SetWatched(ranked);
}

void HotKeyExpiries::WatchFirst(uint64_t keys) {
  std::vector<uint64_t> ranked;
  for (uint64_t k = 0; k < std::min<uint64_t>(keys, kKeys); ++k) ranked.push_back(k);
  SetWatched(ranked);
}

void HotKeyExpiries::SetWatched(const std::vector<uint64_t>& ranked) {
  watched_.clear();
  max_key_ = 0;
  for (size_t i = 0; i < ranked.size(); ++i) {
    watched_.push_back({ranked[i], CacheKey(ranked[i]), static_cast<int>(i)});
    max_key_ = std::max(max_key_, ranked[i]);
  }
}

std::vector<uint64_t> HotKeyExpiries::watched_keys() const {
  std::vector<uint64_t> keys;
  for (const Watched& w : watched_) keys.push_back(w.key);
  return keys;
}

void HotKeyExpiries::Observe(uint64_t key, uint32_t kid, const RedisStore& store, SimTime now) {
  for (Watched& w : watched_) {
    if (w.key != key) continue;
    int64_t left = store.PeekTtlMs(w.name, kid);  // by id: no by-name index for this
    // The entry's absolute deadline (exact: the store's clock plus what is left), -1 none or gone.
    int64_t deadline = left >= 0 ? store.now_ms() + left : -1;
    // The store's clock runs at the server, which may have answered a command
    // sent before this request with a later timestamp than the runner's.
    int64_t now_ms = std::max(now / kMillisecond, store.now_ms());
    // Redis expires a key once its clock is past the deadline. The deadline seen
    // last has passed with the entry still there under it (lazily expired), or
    // with the entry since gone or replaced: then it expired only if the store
    // expired a key meanwhile (else it was deleted or evicted before its deadline).
    uint64_t store_expired = store.stats().expired_keys;
    int64_t expired = -1;
    if (w.deadline_ms >= 0 && !w.recorded && now_ms > w.deadline_ms &&
        (deadline == w.deadline_ms || store_expired > w.store_expired))
      expired = w.deadline_ms;
    w.store_expired = store_expired;
    if (deadline != w.deadline_ms) {
      w.deadline_ms = deadline;
      w.recorded = false;
    } else if (expired >= 0) {
      w.recorded = true;  // still there, lazily: one event, not one per request
    }
    if (expired < 0) return;
    if (expired >= measure_from_ms_) ++expiries_;
    if (events_.size() < kMaxEvents)
      events_.push_back({expired * kMillisecond, "expiry",
                         w.name +
                             (w.rank == 0 ? std::string(" (the hottest key)") : " (hot key #" + std::to_string(w.rank + 1) + ")") +
                             " reached its TTL"});
    return;
  }
}

void HotKeyExpiries::Report(SimTime from, RunReport* r) const {
  for (const RunEvent& e : events_)
    if (e.t >= from) r->events.push_back(e);
  r->Set("hot_key_expiries", static_cast<int64_t>(expiries_));
}

}  // namespace cachelab
