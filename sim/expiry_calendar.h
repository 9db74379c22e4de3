// Keys per TTL deadline, by whole second of simulated time: how many keys
// reach their deadline in each second, whether or not Redis reclaims them then
// (active expiry lags, lazy expiry waits for an access). A deadline that is
// replaced or removed before it is reached (overwrite, DEL, PERSIST, eviction)
// is taken back, so past seconds hold exactly the keys that expired in them.
// This is the expiry synchronisation a warm-up causes: every key filled at
// once with the same TTL misses at once.
#pragma once
#include <cstdint>
#include <vector>

namespace cachelab {

class ExpiryCalendar {
 public:
  static constexpr int64_t kMaxSeconds = 10'000'000;  // deadlines beyond ~115 days are not tracked

  // A key's deadline changes from old_ms to new_ms (-1: none) at now_ms.
  void Move(int64_t old_ms, int64_t new_ms, int64_t now_ms) {
    Cancel(old_ms, now_ms);
    if (new_ms < 0 || new_ms / 1000 >= kMaxSeconds) return;
    size_t s = static_cast<size_t>(new_ms / 1000);
    if (s >= per_second_.size()) per_second_.resize(s + 1, 0);
    ++per_second_[s];
  }
  // The key goes away at now_ms: a deadline not yet passed never happens.
  void Cancel(int64_t old_ms, int64_t now_ms) {
    if (old_ms < 0 || old_ms < now_ms || old_ms / 1000 >= kMaxSeconds) return;
    --per_second_[static_cast<size_t>(old_ms / 1000)];
  }
  // Keys whose deadline fell in second s ([s, s+1) seconds).
  uint64_t At(size_t s) const { return s < per_second_.size() ? per_second_[s] : 0; }
  size_t seconds() const { return per_second_.size(); }

 private:
  std::vector<uint64_t> per_second_;
};

}  // namespace cachelab
