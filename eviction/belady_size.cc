#include "eviction/belady_size.h"

namespace cachelab::eviction {

uint64_t BeladySizePolicy::Random() {
  uint64_t z = (rng_ += 0x9e3779b97f4a7c15ULL);  // splitmix64
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void BeladySizePolicy::Insert(Handle h, uint64_t, uint64_t size, uint64_t) {
  if (h >= next_.size()) {
    next_.resize(h + 1 + h / 2);
    size_.resize(next_.size());
  }
  size_[h] = static_cast<uint32_t>(size);
  next_[h] = -1;
  cached_.Insert(h);
}

void BeladySizePolicy::SetNextAccess(Handle h, int64_t next) {
  if (next < 0) {  // never again: not kept (libCacheSim's insert refuses it, its find removes it)
    cached_.Erase(h);
    dropped_.Add(h);
    return;
  }
  next_[h] = next;
}

Handle BeladySizePolicy::Evict(uint64_t) {
  if (cached_.empty()) return kNoHandle;
  const int64_t now = static_cast<int64_t>(tick_) - 1;
  Handle best = kNoHandle;
  int64_t best_score = -1;
  for (int i = 0; i < samples_; ++i) {
    Handle h = cached_.at(Random() % cached_.size());
    int64_t score = static_cast<int64_t>(size_[h]) * (next_[h] - now);
    if (score > best_score) {
      best = h;
      best_score = score;
    }
  }
  if (best == kNoHandle) best = cached_.at(0);
  cached_.Erase(best);
  return best;
}

}  // namespace cachelab::eviction
