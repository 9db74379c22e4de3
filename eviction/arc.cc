#include "eviction/arc.h"

#include <algorithm>

namespace cachelab::eviction {

void ArcPolicy::OnMiss(uint64_t id, uint64_t size, uint64_t) {
  in_b1_ = in_b2_ = false;
  incoming_ = static_cast<int64_t>(size);
  if (b1_.Contains(id)) {
    in_b1_ = true;
    int64_t delta = std::max<int64_t>(static_cast<int>(static_cast<int64_t>(b2_.bytes()) / static_cast<int64_t>(b1_.bytes())), 1);
    p_ = std::min(p_ + delta, cap_);
    pending_ = Replace();
    b1_.Remove(id);
  } else if (b2_.Contains(id)) {
    in_b2_ = true;
    int64_t delta = std::max<int64_t>(static_cast<int>(static_cast<int64_t>(b1_.bytes()) / static_cast<int64_t>(b2_.bytes())), 1);
    p_ = std::max<int64_t>(p_ - delta, 0);
    pending_ = Replace();
    b2_.Remove(id);
  }
}

Handle ArcPolicy::TakeEvicted() {
  Handle h = pending_;
  pending_ = kNoHandle;
  return h;
}

Handle ArcPolicy::Replace() {
  bool from_t1 = t1_bytes_ > 0 && (t1_bytes_ > p_ || (t1_bytes_ == p_ && in_b2_));
  if (t2_.empty()) from_t1 = true;
  if (from_t1 && t1_.empty()) return kNoHandle;
  Handle h = from_t1 ? t1_.PopBack() : t2_.PopBack();
  const Meta& m = meta_[h];
  if (from_t1) {
    t1_bytes_ -= m.size;
    b1_.PushFront(m.id, m.size);
  } else {
    t2_bytes_ -= m.size;
    b2_.PushFront(m.id, m.size);
  }
  return h;
}

Handle ArcPolicy::Evict(uint64_t) {
  if (t1_bytes_ + static_cast<int64_t>(b1_.bytes()) + incoming_ > cap_) {
    if (t1_bytes_ < cap_) {
      // Case A: L1 = T1 + B1 holds c: drop B1's LRU ghost, then REPLACE.
      if (!b1_.empty()) b1_.PopBack();
      return Replace();
    }
    // T1 alone fills the cache: evict its LRU without a ghost.
    Handle h = t1_.PopBack();
    if (h != kNoHandle) t1_bytes_ -= meta_[h].size;
    return h;
  }
  if (t1_bytes_ + static_cast<int64_t>(b1_.bytes()) + t2_bytes_ + static_cast<int64_t>(b2_.bytes()) >= 2 * cap_ &&
      !b2_.empty())
    b2_.PopBack();
  return Replace();
}

void ArcPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  links_.Ensure(h);
  if (h >= meta_.size()) meta_.resize(links_.at.size());
  bool ghost = in_b1_ || in_b2_;
  meta_[h] = Meta{id, static_cast<uint32_t>(size), static_cast<uint8_t>(ghost ? 2 : 1)};
  if (ghost) {
    t2_.PushFront(h);
    t2_bytes_ += size;
  } else {
    t1_.PushFront(h);
    t1_bytes_ += size;
  }
  in_b1_ = in_b2_ = false;
}

void ArcPolicy::Access(Handle h, uint64_t) {
  Meta& m = meta_[h];
  if (m.list == 1) {
    t1_.Remove(h);
    t1_bytes_ -= m.size;
    t2_.PushFront(h);
    t2_bytes_ += m.size;
    m.list = 2;
  } else {
    t2_.MoveToFront(h);
  }
}

void ArcPolicy::Remove(Handle h) {
  Meta& m = meta_[h];
  if (m.list == 1) {
    t1_.Remove(h);
    t1_bytes_ -= m.size;
  } else {
    t2_.Remove(h);
    t2_bytes_ -= m.size;
  }
}

}  // namespace cachelab::eviction
