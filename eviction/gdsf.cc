#include "eviction/gdsf.h"

namespace cachelab::eviction {

void GdsfPolicy::Insert(Handle h, uint64_t, uint64_t size, uint64_t) {
  if (h >= meta_.size()) meta_.resize(h + 1 + h / 2);
  meta_[h] = Meta{1, static_cast<uint32_t>(size)};
  heap_.Set(h, Key{last_evicted_ + 1.0e6 / static_cast<double>(meta_[h].size), tick_});
}

void GdsfPolicy::Access(Handle h, uint64_t) {
  ++tick_;
  Meta& m = meta_[h];
  ++m.freq;
  heap_.Set(h, Key{last_evicted_ + static_cast<double>(m.freq) * 1.0e6 / static_cast<double>(m.size), tick_});
}

Handle GdsfPolicy::Evict(uint64_t) {
  Handle h = heap_.Top();
  if (h == kNoHandle) return h;
  last_evicted_ = heap_.KeyOf(h).priority;
  heap_.Erase(h);
  return h;
}

}  // namespace cachelab::eviction
