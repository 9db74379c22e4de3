#include "eviction/lecar.h"

#include <cmath>

namespace cachelab::eviction {

LeCaRPolicy::LeCaRPolicy(const PolicyOptions& o)
    : ghost_cap_(o.capacity / 2),
      lr_(o.lecar_learning_rate),
      discount_(std::pow(0.005, 1.0 / static_cast<double>(o.capacity ? o.capacity : 1))),
      update_(o.lecar_update_weight),
      w_lru_(o.lecar_lru_weight),
      w_lfu_(1.0 - o.lecar_lru_weight),
      rng_(o.seed) {}

void LeCaRPolicy::Regret(uint64_t id, double* w_update, double* w_other) {
  const uint32_t t = vtime_ - evicted_at_.Find(id);
  evicted_at_.Erase(id);
  if (!update_) return;
  *w_update = *w_update * std::exp(-lr_ * std::pow(discount_, static_cast<double>(t))) + 1e-10;
  const double s = *w_update + *w_other + 2e-10;
  *w_update /= s;
  *w_other = (*w_other + 1e-10) / s;
}

void LeCaRPolicy::OnMiss(uint64_t id, uint64_t, uint64_t) {
  ++vtime_;
  if (ghost_lru_.Remove(id))
    Regret(id, &w_lru_, &w_lfu_);
  else if (ghost_lfu_.Remove(id))
    Regret(id, &w_lfu_, &w_lru_);
}

void LeCaRPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) {
  links_.Ensure(h);
  if (h >= ids_.size()) {
    ids_.resize(links_.at.size());
    sizes_.resize(links_.at.size());
  }
  ids_[h] = id;
  sizes_[h] = static_cast<uint32_t>(size);
  lru_.PushFront(h);
  lfu_.Insert(h, id, size, now);
}

void LeCaRPolicy::Access(Handle h, uint64_t now) {
  ++vtime_;
  lru_.MoveToFront(h);
  lfu_.Access(h, now);
}

void LeCaRPolicy::Remove(Handle h) {
  lru_.Remove(h);
  lfu_.Remove(h);
}

void LeCaRPolicy::ToGhost(GhostList* ghost, Handle h) {
  ghost->PushFront(ids_[h], sizes_[h]);
  evicted_at_.Put(ids_[h], vtime_);
  while (ghost->bytes() > ghost_cap_) {
    evicted_at_.Erase(ghost->TailId());
    ghost->PopBack();
  }
}

Handle LeCaRPolicy::Evict(uint64_t) {
  const Handle by_lru = lru_.tail(), by_lfu = lfu_.Peek();
  if (by_lru == kNoHandle) return kNoHandle;
  Handle victim = by_lru;
  if (by_lru != by_lfu) {
    const bool lru = static_cast<double>(rng_.Below(100)) / 100.0 < w_lru_;
    victim = lru ? by_lru : by_lfu;
    ToGhost(lru ? &ghost_lru_ : &ghost_lfu_, victim);
  }
  Remove(victim);
  return victim;
}

}  // namespace cachelab::eviction
