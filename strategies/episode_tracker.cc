#include "strategies/episode_tracker.h"

namespace cachelab {

void EpisodeTracker::Record(uint32_t loads, bool by_miss, bool cold) {
  if (cold) {
    ++cold_episodes_;
    cold_loads_ += loads;
    return;
  }
  loads_.Record(loads);
  sum_sq_ += static_cast<double>(loads) * loads;
  miss_episodes_ += by_miss ? 1 : 0;
}

void EpisodeTracker::SetLoads(uint32_t key, KeyState& k, bool open, uint32_t n) {
  uint32_t small = n < kMaxSmallLoads ? n : kMaxSmallLoads;
  if (small == kMaxSmallLoads || (open ? k.open_loads : k.last_loads) == kMaxSmallLoads) {
    BigLoads& big = big_loads_[key];
    (open ? big.open : big.last) = small == kMaxSmallLoads ? n : 0;
  }
  if (open)
    k.open_loads = small;
  else
    k.last_loads = small;
}

void EpisodeTracker::OnLoadStart(uint32_t key, uint32_t stamp, bool early) {
  KeyState& k = Get(key);
  if (((stamp + 1) & kClosesMask) == k.closes && k.last_loads > 0) {  // late member of the episode just closed
    if (k.last_loads < kMaxSmallLoads - 1) ++k.last_loads;
    else SetLoads(key, k, false, LastLoads(key, k) + 1);
    return;
  }
  if (k.open) {
    if (k.open_loads < kMaxSmallLoads - 1) ++k.open_loads;
    else SetLoads(key, k, true, OpenLoads(key, k) + 1);
    return;
  }
  if (k.last_loads) Record(LastLoads(key, k), k.last_by_miss, k.last_cold);
  if (k.last_loads == kMaxSmallLoads) SetLoads(key, k, false, 0);
  k.last_loads = 0;
  k.open = true;
  if (k.open_loads == kMaxSmallLoads) SetLoads(key, k, true, 1);
  k.open_loads = 1;
  k.open_by_miss = !early;
  k.open_cold = !k.warm;
}

void EpisodeTracker::OnFill(uint32_t key, SimTime now) {
  KeyState& row = Get(key);
  if (!row.open) return;
  // Changed in a copy, stored back whole: the row's bit fields share bytes,
  // and in the row each read after a narrower store to its word waited for
  // that store (store-forwarding stalls, ~45% of OnFill's samples).
  KeyState k = row;
  StoreBack store_back{row, k};
  k.open = false;
  if (static_cast<uint64_t>(now) < kCloseAtSpilled) {
    k.last_close_at = static_cast<uint64_t>(now);
  } else {  // times only grow: once spilled, a key's close times stay in the map
    k.last_close_at = kCloseAtSpilled;
    big_close_at_[key] = now;
  }
  k.warm = true;
  if (k.last_loads) Record(LastLoads(key, k), k.last_by_miss, k.last_cold);
  if (k.open_loads == kMaxSmallLoads || k.last_loads == kMaxSmallLoads)
    SetLoads(key, k, false, OpenLoads(key, k));
  else
    k.last_loads = k.open_loads;
  k.last_by_miss = k.open_by_miss;
  k.last_cold = k.open_cold;
  if (k.open_loads == kMaxSmallLoads) SetLoads(key, k, true, 0);
  k.open_loads = 0;
  k.closes = (k.closes + 1) & kClosesMask;
}

EpisodeTracker EpisodeTracker::Finished() const {
  EpisodeTracker t;
  t.loads_ = loads_;
  t.sum_sq_ = sum_sq_;
  t.miss_episodes_ = miss_episodes_;
  t.cold_episodes_ = cold_episodes_;
  t.cold_loads_ = cold_loads_;
  // Order does not matter: counts, and sum_sq_ adds integers exactly.
  for (uint32_t i = 0; i < keys_.size(); ++i) {
    const KeyState& k = keys_[i];
    if (k.last_loads) t.Record(LastLoads(i, k), k.last_by_miss, k.last_cold);
    if (k.open && k.open_loads) t.Record(OpenLoads(i, k), k.open_by_miss, k.open_cold);
  }
  return t;
}

void EpisodeTracker::StartMeasurement() {
  loads_.Clear();
  sum_sq_ = 0;
  miss_episodes_ = cold_episodes_ = cold_loads_ = 0;
  for (uint32_t i = 0; i < keys_.size(); ++i) {
    KeyState& k = keys_[i];
    k.last_loads = 0;  // a closed episode late loads would join: the warm-up's
    k.open_loads = 0;  // an open one counts only the loads that join it from now on
  }
  big_loads_.clear();
}

double EpisodeTracker::variance() const {
  double n = static_cast<double>(loads_.count());
  if (n < 2) return 0;
  double mean = loads_.mean();
  return (sum_sq_ - n * mean * mean) / (n - 1);
}

}  // namespace cachelab
