#include "eviction/s3fifo.h"

#include <algorithm>

namespace cachelab::eviction {

S3FifoPolicy::S3FifoPolicy(const PolicyOptions& o)
    : small_cap_(std::min(CapacityShare(o.capacity, o.s3fifo_small_ratio), o.capacity)),
      main_cap_(o.capacity - small_cap_),
      ghost_cap_(CapacityShare(o.capacity, o.s3fifo_ghost_ratio)),
      threshold_(o.s3fifo_move_to_main_threshold) {}

void S3FifoPolicy::ToMain(Handle h) {
  main_.PushFront(h);
  main_bytes_ += meta_[h].size;
  meta_[h].in_main = 1;
}

void S3FifoPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  links_.Ensure(h);
  if (h >= meta_.size()) meta_.resize(links_.at.size());
  meta_[h] = Meta{id, static_cast<uint32_t>(size), 0, 0};
  if (hit_on_ghost_) {
    hit_on_ghost_ = false;
    ToMain(h);
    return;
  }
  // libCacheSim refuses (after making room) an object as large as the small FIFO.
  if (size >= small_cap_) {
    refused_ = h;
    meta_[h].in_main = 2;  // tracked nowhere
    return;
  }
  small_.PushFront(h);
  small_bytes_ += size;
}

void S3FifoPolicy::Remove(Handle h) {
  Meta& m = meta_[h];
  if (m.in_main == 1) {
    main_.Remove(h);
    main_bytes_ -= m.size;
  } else if (m.in_main == 0) {
    small_.Remove(h);
    small_bytes_ -= m.size;
  }
}

Handle S3FifoPolicy::EvictSmall() {
  while (!small_.empty()) {
    Handle h = small_.PopBack();
    Meta& m = meta_[h];
    small_bytes_ -= m.size;
    if (m.freq >= threshold_) {
      m.freq = 0;
      ToMain(h);
      continue;
    }
    // Into the ghost FIFO (a FIFO cache of its own: a present id stays put).
    if (ghost_cap_ > 0 && !ghost_.Contains(m.id) && m.size <= ghost_cap_) {
      while (ghost_.bytes() + m.size > ghost_cap_) ghost_.PopBack();
      ghost_.PushFront(m.id, m.size);
    }
    return h;
  }
  return kNoHandle;
}

Handle S3FifoPolicy::EvictMain() {
  while (!main_.empty()) {
    Handle h = main_.tail();
    Meta& m = meta_[h];
    if (m.freq >= 1) {
      main_.MoveToFront(h);
      m.freq = static_cast<uint8_t>(std::min<int>(m.freq, 3) - 1);
      continue;
    }
    main_.PopBack();
    main_bytes_ -= m.size;
    return h;
  }
  return kNoHandle;
}

Handle S3FifoPolicy::Evict(uint64_t) {
  for (;;) {
    if (small_.empty() && main_.empty()) return kNoHandle;
    // Small may empty into main without evicting; then main goes next round.
    Handle h = (main_bytes_ > main_cap_ || small_bytes_ == 0) ? EvictMain() : EvictSmall();
    if (h != kNoHandle) return h;
  }
}

}  // namespace cachelab::eviction
