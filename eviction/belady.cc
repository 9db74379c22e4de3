#include "eviction/belady.h"

#include <utility>

namespace cachelab::eviction {

void BeladyPolicy::Swap(size_t a, size_t b) {
  std::swap(heap_[a], heap_[b]);
  pos_[heap_[a]] = static_cast<uint32_t>(a);
  pos_[heap_[b]] = static_cast<uint32_t>(b);
}

void BeladyPolicy::Up(size_t i) {
  while (i > 0 && Above(i, (i - 1) / 2)) {
    Swap(i, (i - 1) / 2);
    i = (i - 1) / 2;
  }
}

void BeladyPolicy::Down(size_t i) {
  for (;;) {
    size_t best = i, l = 2 * i + 1, r = l + 1;
    if (l < heap_.size() && Above(l, best)) best = l;
    if (r < heap_.size() && Above(r, best)) best = r;
    if (best == i) return;
    Swap(i, best);
    i = best;
  }
}

void BeladyPolicy::Insert(Handle h, uint64_t, uint64_t, uint64_t) {
  if (h >= pos_.size()) {
    pos_.resize(h + 1 + h / 2);
    key_.resize(pos_.size());
  }
  key_[h] = INT64_MAX;  // until SetNextAccess says otherwise
  pos_[h] = static_cast<uint32_t>(heap_.size());
  heap_.push_back(h);
  Up(heap_.size() - 1);
}

void BeladyPolicy::SetNextAccess(Handle h, int64_t next) {
  int64_t old = key_[h];
  key_[h] = next < 0 ? INT64_MAX : next;
  if (key_[h] > old)
    Up(pos_[h]);
  else
    Down(pos_[h]);
}

void BeladyPolicy::Remove(Handle h) {
  size_t i = pos_[h];
  Swap(i, heap_.size() - 1);
  heap_.pop_back();
  if (i < heap_.size()) {
    Up(i);
    Down(i);
  }
}

Handle BeladyPolicy::Evict(uint64_t) {
  if (heap_.empty()) return kNoHandle;
  Handle h = heap_[0];
  Remove(h);
  return h;
}

}  // namespace cachelab::eviction
