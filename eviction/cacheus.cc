#include "eviction/cacheus.h"

#include <cmath>

namespace cachelab::eviction {

CacheusPolicy::CacheusPolicy(const PolicyOptions& o)
    : capacity_(o.capacity),
      half_(o.capacity / 2),
      ghost_cap_(static_cast<uint64_t>(static_cast<double>(o.capacity) / 2)),
      interval_(o.capacity ? o.capacity : 1),
      w_lru_(o.cacheus_lru_weight),
      w_lfu_(1.0 - o.cacheus_lru_weight),
      lr_(o.cacheus_learning_rate),
      rng_(o.seed) {
  if (o.cacheus_libcachesim_draws) mmix_.emplace(o.seed);
}

// libCacheSim updates the learning rate after request n when n is a multiple
// of the interval; doing it before request n + 1 uses the same counts.
void CacheusPolicy::BeginRequest() {
  if (requests_ != 0 && requests_ % interval_ == 0) UpdateLearningRate();
  ++requests_;
}

void CacheusPolicy::UpdateLearningRate() {
  const double hit_rate = static_cast<double>(hits_ / interval_);  // integer quotient, as libCacheSim
  const double d_hit = hit_rate - hit_rate_prev_, d_lr = lr_ - lr_prev_;
  lr_prev_ = lr_;
  hit_rate_prev_ = hit_rate;
  if (d_lr != 0) {
    const double sign = d_hit / d_lr > 0 ? 1.0 : -1.0;
    const double next = lr_ + sign * std::fabs(lr_ * d_lr);
    lr_ = next > 0.001 ? next : 0.0001;
    unlearn_ = 0;
  } else if (hit_rate == 0 || d_hit <= 0) {
    ++unlearn_;
  } else if (unlearn_ >= 10) {
    unlearn_ = 0;
    lr_ = 0.001 + static_cast<double>(Draw(1000)) / 1000.0;
  }
  hits_ = 0;
}

void CacheusPolicy::OnMiss(uint64_t id, uint64_t, uint64_t) {
  BeginRequest();
  if (ghost_lru_.Remove(id))
    w_lru_ *= std::exp(-lr_);
  else if (ghost_lfu_.Remove(id))
    w_lfu_ *= std::exp(-lr_);
  w_lru_ = w_lru_ / (w_lru_ + w_lfu_);
  w_lfu_ = 1 - w_lru_;
}

void CacheusPolicy::PushR(Handle h) {
  r_.PushFront(h);
  r_bytes_ += sizes_[h];
  in_r_[h] = 1;
}

void CacheusPolicy::PushSr(Handle h) {
  sr_.PushFront(h);
  sr_bytes_ += sizes_[h];
  in_r_[h] = 0;
}

// R's least recent objects go to SR's front until R is within r_limit.
void CacheusPolicy::DemoteWhileOver(uint64_t r_limit) {
  while (r_bytes_ > r_limit && !r_.empty()) {
    const Handle t = r_.PopBack();
    r_bytes_ -= sizes_[t];
    PushSr(t);
  }
}

void CacheusPolicy::Access(Handle h, uint64_t now) {
  BeginRequest();
  ++hits_;
  if (in_r_[h]) {
    r_.MoveToFront(h);
  } else {
    sr_.Remove(h);
    sr_bytes_ -= sizes_[h];
    PushR(h);
    DemoteWhileOver(half_);
  }
  lfu_.Access(h, now);
}

void CacheusPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  links_.Ensure(h);
  if (h >= ids_.size()) {
    ids_.resize(links_.at.size());
    sizes_.resize(links_.at.size());
    in_r_.resize(links_.at.size());
  }
  ids_[h] = id;
  sizes_[h] = static_cast<uint32_t>(size);
  if (size > half_) {  // SR-LRU refuses it after room was made (libCacheSim's order)
    dropped_.Add(h);
    return;
  }
  const uint32_t past = history_.Find(id);
  if (past != IdMap::kNone) {  // back from H: its count + 1, into R
    lfu_.InsertWithFrequency(h, history_.at(past).payload.count + 1);
    history_.Drop(past);
    DemoteWhileOver(half_ - size);
    PushR(h);
  } else {
    lfu_.Insert(h, id, size, 0);
    PushSr(h);
  }
  while (sr_bytes_ > half_) {  // SR's overflow leaves the cache without a vote
    const Handle t = sr_.tail();
    ToHistory(t);
    dropped_.Add(t);
  }
}

void CacheusPolicy::ToHistory(Handle h) {
  if (in_r_[h]) {
    r_.Remove(h);
    r_bytes_ -= sizes_[h];
  } else {
    sr_.Remove(h);
    sr_bytes_ -= sizes_[h];
  }
  history_.PushFront(ids_[h], sizes_[h], Frequency{lfu_.Frequency(h)});
  lfu_.Remove(h);
  while (!history_.empty() && history_.bytes() >= capacity_) history_.PopBack();
}

void CacheusPolicy::ToGhost(GhostList* ghost, Handle h) {
  const uint64_t size = sizes_[h];
  if (size > ghost_cap_) return;  // libCacheSim's ghost caches refuse what cannot fit
  while (ghost->bytes() + size > ghost_cap_) ghost->PopBack();
  ghost->PushFront(ids_[h], size);
}

void CacheusPolicy::Remove(Handle h) { ToHistory(h); }

Handle CacheusPolicy::Evict(uint64_t) {
  const Handle by_lru = sr_.empty() ? r_.tail() : sr_.tail(), by_lfu = lfu_.PeekNewest();
  if (by_lru == kNoHandle) return kNoHandle;
  // libCacheSim draws before comparing the candidates; SampleRng only when needed.
  const double r = mmix_ || by_lru != by_lfu ? static_cast<double>(Draw(100)) / 100.0 : 0;
  if (by_lru == by_lfu) {
    ToHistory(by_lru);
    return by_lru;
  }
  const bool lru = r < w_lru_;
  const Handle victim = lru ? by_lru : by_lfu;
  ToHistory(victim);
  ToGhost(lru ? &ghost_lru_ : &ghost_lfu_, victim);
  return victim;
}

}  // namespace cachelab::eviction
