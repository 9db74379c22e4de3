#include "eviction/car.h"

#include <algorithm>

namespace cachelab::eviction {

void CarPolicy::OnMiss(uint64_t id, uint64_t, uint64_t) {
  // The id stays in its ghost list until Insert: the paper adapts p after replace().
  ghost_ = b1_.Contains(id) ? 1 : b2_.Contains(id) ? 2 : 0;
  replaced_ = false;
}

void CarPolicy::MoveToT2(Handle h) {
  Remove(h);
  Meta& m = meta_[h];
  t2_.PushFront(h);
  t2_bytes_ += m.size;
  m.list = 2;
  m.ref = 0;
}

Handle CarPolicy::Evict(uint64_t) {
  if (t1_.empty() && t2_.empty()) return kNoHandle;
  replaced_ = true;
  for (;;) {
    // With unit pages and a full cache T2 is never empty when T1 is below
    // max(1, p); with sizes it can be, and T1 keeps the hand.
    const bool from_t1 = !t1_.empty() && (static_cast<double>(t1_bytes_) >= std::max(1.0, p_) || t2_.empty());
    const Handle h = from_t1 ? t1_.tail() : t2_.tail();
    Meta& m = meta_[h];
    if (m.ref) {
      MoveToT2(h);  // a second chance: to T2's tail, bit cleared
      continue;
    }
    if (from_t1) {
      t1_.Remove(h);
      t1_bytes_ -= m.size;
      b1_.PushFront(m.id, m.size);
    } else {
      t2_.Remove(h);
      t2_bytes_ -= m.size;
      b2_.PushFront(m.id, m.size);
    }
    return h;
  }
}

void CarPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  links_.Ensure(h);
  if (h >= meta_.size()) meta_.resize(links_.at.size());
  const auto s = static_cast<int64_t>(size);
  if (ghost_ == 0) {
    // Directory replacement (lines 6-10), only when the cache was full.
    if (replaced_) {
      if (t1_bytes_ + static_cast<int64_t>(b1_.bytes()) + s > cap_ && !b1_.empty()) {
        while (!b1_.empty() && t1_bytes_ + static_cast<int64_t>(b1_.bytes()) + s > cap_) b1_.PopBack();
      } else {
        auto total = [&] { return t1_bytes_ + t2_bytes_ + static_cast<int64_t>(b1_.bytes() + b2_.bytes()) + s; };
        while (!b2_.empty() && total() > 2 * cap_) b2_.PopBack();
      }
    }
    meta_[h] = Meta{id, static_cast<uint32_t>(size), 1, 0};
    t1_.PushFront(h);
    t1_bytes_ += s;
  } else {
    const double b1 = static_cast<double>(b1_.bytes()), b2 = static_cast<double>(b2_.bytes());
    const double unit = static_cast<double>(size);
    if (ghost_ == 1) {
      p_ = std::min(p_ + unit * std::max(1.0, b2 / b1), static_cast<double>(cap_));
      b1_.Remove(id);
    } else {
      p_ = std::max(p_ - unit * std::max(1.0, b1 / b2), 0.0);
      b2_.Remove(id);
    }
    meta_[h] = Meta{id, static_cast<uint32_t>(size), 2, 0};
    t2_.PushFront(h);
    t2_bytes_ += s;
  }
  ghost_ = 0;
}

void CarPolicy::Remove(Handle h) {
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
