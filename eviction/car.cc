#include "eviction/car.h"

#include <algorithm>

namespace cachelab::eviction {

void CarPolicy::OnMiss(uint64_t id, uint64_t, uint64_t) {
  // The id stays in its ghost list until Insert: the paper adapts p after replace().
  ghost_ = b1_.Contains(id) ? 1 : b2_.Contains(id) ? 2 : 0;
  replaced_ = false;
}

Handle CarPolicy::Evict(uint64_t) {
  if (data_.t1().empty() && data_.t2().empty()) return kNoHandle;
  replaced_ = true;
  for (;;) {
    // With unit pages and a full cache T2 is never empty when T1 is below
    // max(1, p); with sizes it can be, and T1 keeps the hand.
    const bool from_t1 =
        !data_.t1().empty() && (static_cast<double>(data_.t1_bytes()) >= std::max(1.0, p_) || data_.t2().empty());
    const Handle h = from_t1 ? data_.t1().tail() : data_.t2().tail();
    const T1T2Lists::Entry& m = data_.at(h);
    if (m.ref) {
      data_.MoveToT2(h);  // a second chance: to T2's tail, bit cleared
      continue;
    }
    data_.Remove(h);
    (from_t1 ? b1_ : b2_).PushFront(m.id, m.size);
    return h;
  }
}

void CarPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  const auto s = static_cast<int64_t>(size);
  if (ghost_ == 0) {
    // Directory replacement (lines 6-10), only when the cache was full.
    if (replaced_) {
      auto t1_b1 = [&] { return data_.t1_bytes() + static_cast<int64_t>(b1_.bytes()) + s; };
      if (t1_b1() > cap_ && !b1_.empty()) {
        while (!b1_.empty() && t1_b1() > cap_) b1_.PopBack();
      } else {
        auto total = [&] { return t1_b1() + data_.t2_bytes() + static_cast<int64_t>(b2_.bytes()); };
        while (!b2_.empty() && total() > 2 * cap_) b2_.PopBack();
      }
    }
    data_.Add(h, id, size, 1);
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
    data_.Add(h, id, size, 2);
  }
  ghost_ = 0;
}

void CarPolicy::Remove(Handle h) { data_.Remove(h); }

}  // namespace cachelab::eviction
