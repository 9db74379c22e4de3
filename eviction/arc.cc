#include "eviction/arc.h"

#include <algorithm>

namespace cachelab::eviction {

void ArcPolicy::OnMiss(uint64_t id, uint64_t size, uint64_t) {
  in_b1_ = in_b2_ = false;
  incoming_ = static_cast<int64_t>(size);
  const double b1 = static_cast<double>(b1_.bytes()), b2 = static_cast<double>(b2_.bytes());
  if (b1_.Remove(id)) {
    in_b1_ = true;
    p_ = std::min(p_ + std::max(b2 / b1, 1.0), static_cast<double>(cap_));
  } else if (b2_.Remove(id)) {
    in_b2_ = true;
    p_ = std::max(p_ - std::max(b1 / b2, 1.0), 0.0);
  }
}

Handle ArcPolicy::Replace() {
  const bool from_t1 =
      (t1_bytes_ > 0 && (static_cast<double>(t1_bytes_) > p_ || (static_cast<double>(t1_bytes_) == p_ && in_b2_))) ||
      t2_bytes_ == 0;
  Handle h = from_t1 ? t1_.PopBack() : t2_.PopBack();
  if (h == kNoHandle) return h;
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
  if (in_b1_ || in_b2_) return Replace();
  const int64_t b1 = static_cast<int64_t>(b1_.bytes()), b2 = static_cast<int64_t>(b2_.bytes());
  if (t1_bytes_ + b1 + incoming_ > cap_) {
    if (b1 > 0) {
      b1_.PopBack();
      return Replace();
    }
    // T1 alone fills the cache: its LRU leaves without a ghost.
    Handle h = t1_.PopBack();
    if (h == kNoHandle) return Replace();
    t1_bytes_ -= meta_[h].size;
    return h;
  }
  if (t1_bytes_ + b1 + t2_bytes_ + b2 >= 2 * cap_ && b2 > 0) b2_.PopBack();
  return Replace();
}

void ArcPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  links_.Ensure(h);
  if (h >= meta_.size()) meta_.resize(links_.at.size());
  const bool ghost = in_b1_ || in_b2_;
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
