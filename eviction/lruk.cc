#include "eviction/lruk.h"

namespace cachelab::eviction {

void LruKPolicy::Insert(Handle h, uint64_t, uint64_t, uint64_t) {
  links_.Ensure(h);
  if (h >= seen_.size()) {
    seen_.resize(links_.at.size());
    next_.resize(links_.at.size());
    history_.resize(links_.at.size() * static_cast<size_t>(k_));
  }
  History(h)[0] = tick_;
  seen_[h] = 1;
  next_[h] = k_ == 1 ? 0 : 1;
  if (k_ == 1)
    ranked_.Set(h, tick_);
  else
    young_.PushFront(h);
}

void LruKPolicy::Access(Handle h, uint64_t) {
  ++tick_;
  uint64_t* ring = History(h);
  ring[next_[h]] = tick_;
  next_[h] = (next_[h] + 1) % static_cast<uint32_t>(k_);
  const bool young = seen_[h] < static_cast<uint32_t>(k_);
  if (young) ++seen_[h];
  if (seen_[h] < static_cast<uint32_t>(k_)) return;  // still young: stays where it is
  if (young) young_.Remove(h);
  // The ring is full: the slot written next holds the K-th most recent request.
  ranked_.Set(h, ring[next_[h]]);
}

void LruKPolicy::Remove(Handle h) {
  if (ranked_.Contains(h))
    ranked_.Erase(h);
  else
    young_.Remove(h);
}

Handle LruKPolicy::Evict(uint64_t) {
  if (!young_.empty()) return young_.PopBack();
  return ranked_.Pop();
}

}  // namespace cachelab::eviction
