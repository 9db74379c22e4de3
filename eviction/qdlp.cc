#include "eviction/qdlp.h"

#include "eviction/capacity_share.h"

namespace cachelab::eviction {

QdlpPolicy::QdlpPolicy(const PolicyOptions& o)
    : fifo_cap_(CapacityShare(o.capacity, o.qdlp_fifo_ratio)),
      main_cap_(o.capacity - fifo_cap_),
      ghost_cap_(CapacityShare(o.capacity, o.qdlp_ghost_ratio)),
      threshold_(o.qdlp_move_to_main_threshold) {}

void QdlpPolicy::OnMiss(uint64_t id, uint64_t, uint64_t) { ghost_hit_ = ghost_cap_ > 0 && ghost_.Remove(id); }

Handle QdlpPolicy::EvictMain() {
  for (;;) {
    Handle h = main_.tail();
    if (h == kNoHandle) return h;
    Meta& m = meta_[h];
    if (m.hits == 0) break;
    --m.hits;
    main_.MoveToFront(h);
  }
  Handle h = main_.PopBack();
  main_bytes_ -= meta_[h].size;
  meta_[h].where = kNowhere;
  return h;
}

void QdlpPolicy::ToMain(Handle h) {
  Meta& m = meta_[h];
  m.hits = 0;
  if (m.size > main_cap_) {
    m.where = kNowhere;
    dropped_.Add(h);
    return;
  }
  while (main_bytes_ + m.size > main_cap_) dropped_.Add(EvictMain());
  m.where = kMain;
  main_.PushFront(h);
  main_bytes_ += m.size;
}

void QdlpPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  links_.Ensure(h);
  if (h >= meta_.size()) meta_.resize(links_.at.size());
  meta_[h] = Meta{id, static_cast<uint32_t>(size), kNowhere, 0};
  if (ghost_hit_) {
    ghost_hit_ = false;
    ToMain(h);
    return;
  }
  if (size >= fifo_cap_) {  // refused after room was made, as QDLP.c
    dropped_.Add(h);
    return;
  }
  meta_[h].where = kFifo;
  fifo_.PushFront(h);
  fifo_bytes_ += size;
}

void QdlpPolicy::Access(Handle h, uint64_t) {
  Meta& m = meta_[h];
  if (m.where == kFifo) {
    if (m.hits < 255) ++m.hits;
  } else if (m.hits < 3) {
    ++m.hits;
  }
}

void QdlpPolicy::Remove(Handle h) {
  Meta& m = meta_[h];
  if (m.where == kFifo) {
    fifo_.Remove(h);
    fifo_bytes_ -= m.size;
  } else if (m.where == kMain) {
    main_.Remove(h);
    main_bytes_ -= m.size;
  }
  m.where = kNowhere;
}

Handle QdlpPolicy::Evict(uint64_t) {
  for (;;) {
    if (Handle d = TakeEvicted(); d != kNoHandle) return d;
    if (fifo_bytes_ == 0) return EvictMain();
    Handle h = fifo_.PopBack();
    Meta& m = meta_[h];
    fifo_bytes_ -= m.size;
    if (m.hits >= threshold_) {
      ToMain(h);  // may drop objects from main (returned next round), or h itself
      continue;
    }
    // Into the ghost FIFO (a FIFO cache of its own: a present id stays put).
    if (ghost_cap_ > 0 && !ghost_.Contains(m.id) && m.size <= ghost_cap_) {
      while (ghost_.bytes() + m.size > ghost_cap_) ghost_.PopBack();
      ghost_.PushFront(m.id, m.size);
    }
    m.where = kNowhere;
    return h;
  }
}

}  // namespace cachelab::eviction
