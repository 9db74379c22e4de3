#include "eviction/slru.h"

namespace cachelab::eviction {

SlruPolicy::SlruPolicy(const PolicyOptions& o) : seg_cap_(o.capacity / kSegments) {}

Handle SlruPolicy::TakeEvicted() {
  if (dropped_.empty()) return kNoHandle;
  Handle h = dropped_.back();
  dropped_.pop_back();
  return h;
}

void SlruPolicy::Insert(Handle h, uint64_t, uint64_t size, uint64_t) {
  links_.Ensure(h);
  if (h >= meta_.size()) meta_.resize(links_.at.size());
  int seg = 0;
  for (int i = 0; i < kSegments; ++i)
    if (bytes_[i] + size <= seg_cap_) {
      seg = i;
      break;
    }
  meta_[h] = Meta{size, seg};
  segs_[seg].PushFront(h);
  bytes_[seg] += size;
}

void SlruPolicy::Access(Handle h, uint64_t) {
  Meta& m = meta_[h];
  if (m.seg == kSegments - 1) {
    segs_[m.seg].MoveToFront(h);
    return;
  }
  segs_[m.seg].Remove(h);
  bytes_[m.seg] -= m.size;
  ++m.seg;
  segs_[m.seg].PushFront(h);
  bytes_[m.seg] += m.size;
  const int up = m.seg;  // m may be evicted by the cooling below
  while (bytes_[up] > seg_cap_) Cool(up);
}

void SlruPolicy::Cool(int seg) {
  if (seg == 0) {
    dropped_.push_back(EvictLowest());
    return;
  }
  Handle t = segs_[seg].PopBack();
  Meta& m = meta_[t];
  bytes_[seg] -= m.size;
  m.seg = seg - 1;
  segs_[seg - 1].PushFront(t);
  bytes_[seg - 1] += m.size;
  while (bytes_[seg - 1] > seg_cap_) Cool(seg - 1);
}

Handle SlruPolicy::EvictLowest() {
  for (int i = 0; i < kSegments; ++i) {
    if (segs_[i].empty()) continue;
    Handle h = segs_[i].PopBack();
    bytes_[i] -= meta_[h].size;
    return h;
  }
  return kNoHandle;
}

Handle SlruPolicy::Evict(uint64_t) { return EvictLowest(); }

void SlruPolicy::Remove(Handle h) {
  const Meta& m = meta_[h];
  segs_[m.seg].Remove(h);
  bytes_[m.seg] -= m.size;
}

}  // namespace cachelab::eviction
