#include "eviction/twoq.h"

#include <algorithm>

namespace cachelab::eviction {

TwoQPolicy::TwoQPolicy(const PolicyOptions& o)
    : in_cap_(std::min(CapacityShare(o.capacity, o.twoq_in_ratio), o.capacity)),
      out_cap_(CapacityShare(o.capacity, o.twoq_out_ratio)),
      am_cap_(o.capacity - in_cap_) {}

Handle TwoQPolicy::TakeEvicted() {
  if (dropped_.empty()) return kNoHandle;
  Handle h = dropped_.back();
  dropped_.pop_back();
  return h;
}

void TwoQPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  links_.Ensure(h);
  if (h >= meta_.size()) meta_.resize(links_.at.size());
  meta_[h] = Meta{id, static_cast<uint32_t>(size), 0};
  if (!hit_on_ghost_) {
    ain_.PushFront(h);
    in_bytes_ += size;
    return;
  }
  hit_on_ghost_ = false;
  // Am->get(): a miss in Am makes room within Am's own size, then inserts.
  if (size > am_cap_) {
    meta_[h].in_am = 2;  // tracked nowhere; the owner frees it
    dropped_.push_back(h);
    return;
  }
  while (am_bytes_ + size > am_cap_ && !am_.empty()) {
    Handle v = am_.PopBack();
    am_bytes_ -= meta_[v].size;
    dropped_.push_back(v);
  }
  meta_[h].in_am = 1;
  am_.PushFront(h);
  am_bytes_ += size;
}

void TwoQPolicy::Remove(Handle h) {
  Meta& m = meta_[h];
  if (m.in_am == 1) {
    am_.Remove(h);
    am_bytes_ -= m.size;
  } else if (m.in_am == 0) {
    ain_.Remove(h);
    in_bytes_ -= m.size;
  }
}

Handle TwoQPolicy::EvictAin() {
  Handle h = ain_.PopBack();
  if (h == kNoHandle) return h;
  const Meta& m = meta_[h];
  in_bytes_ -= m.size;
  // Aout->get(): a FIFO cache of ids; a present id stays where it is.
  if (!aout_.Contains(m.id) && m.size <= out_cap_) {
    while (aout_.bytes() + m.size > out_cap_) aout_.PopBack();
    aout_.PushFront(m.id, m.size);
  }
  return h;
}

Handle TwoQPolicy::Evict(uint64_t) {
  if (in_bytes_ > in_cap_ || am_.empty()) return EvictAin();
  Handle h = am_.PopBack();
  am_bytes_ -= meta_[h].size;
  return h;
}

}  // namespace cachelab::eviction
