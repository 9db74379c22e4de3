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
  const auto t1 = static_cast<double>(data_.t1_bytes());
  const bool from_t1 = (data_.t1_bytes() > 0 && (t1 > p_ || (t1 == p_ && in_b2_))) || data_.t2_bytes() == 0;
  const Handle h = from_t1 ? data_.t1().tail() : data_.t2().tail();
  if (h == kNoHandle) return h;
  data_.Remove(h);
  const T1T2Lists::Entry& m = data_.at(h);
  (from_t1 ? b1_ : b2_).PushFront(m.id, m.size);
  // The list's next victim: its row (where its ghost will go) loads meanwhile.
  const Handle next = from_t1 ? data_.t1().tail() : data_.t2().tail();
  if (next != kNoHandle) b1_.PrefetchEntry(data_.at(next).id);
  return h;
}

Handle ArcPolicy::Evict(uint64_t) {
  if (in_b1_ || in_b2_) return Replace();
  const int64_t b1 = static_cast<int64_t>(b1_.bytes()), b2 = static_cast<int64_t>(b2_.bytes());
  if (data_.t1_bytes() + b1 + incoming_ > cap_) {
    if (b1 > 0) {
      b1_.PopBack();
      return Replace();
    }
    // T1 alone fills the cache: its LRU leaves without a ghost.
    const Handle h = data_.t1().tail();
    if (h == kNoHandle) return Replace();
    data_.Remove(h);
    return h;
  }
  if (data_.t1_bytes() + b1 + data_.t2_bytes() + b2 >= 2 * cap_ && b2 > 0) b2_.PopBack();
  return Replace();
}

void ArcPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  data_.Add(h, id, size, in_b1_ || in_b2_ ? 2 : 1);
  in_b1_ = in_b2_ = false;
}

void ArcPolicy::Access(Handle h, uint64_t) {
  if (data_.at(h).list == 1)
    data_.MoveToT2(h);
  else
    data_.t2().MoveToFront(h);
}

void ArcPolicy::Remove(Handle h) { data_.Remove(h); }

}  // namespace cachelab::eviction
