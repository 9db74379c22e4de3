#include "eviction/wtinylfu.h"

#include <algorithm>

namespace cachelab::eviction {

WTinyLfuPolicy::WTinyLfuPolicy(const PolicyOptions& o)
    : window_cap_(
          std::max<int64_t>(1, static_cast<int64_t>(static_cast<double>(o.capacity) * o.wtinylfu_window_ratio))),
      main_cap_(std::max<int64_t>(0, static_cast<int64_t>(o.capacity) - window_cap_)),
      protected_cap_(main_cap_ * 8 / 10),
      sketch_(o.expected_objects ? o.expected_objects : std::min<uint64_t>(o.capacity, 1 << 16)) {}

void WTinyLfuPolicy::Move(Handle h, Where to) {
  Meta& m = meta_[h];
  ListOf(m.where).Remove(h);
  bytes_[m.where] -= m.size;
  m.where = to;
  ListOf(to).PushFront(h);
  bytes_[to] += m.size;
}

void WTinyLfuPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  links_.Ensure(h);
  if (h >= meta_.size()) meta_.resize(links_.at.size());
  meta_[h] = Meta{id, static_cast<uint32_t>(size), kWindow};
  window_.PushFront(h);
  bytes_[kWindow] += size;
  // Window overflow moves to probation's head: the candidates for main.
  while (bytes_[kWindow] > window_cap_ && window_.tail() != h) Move(window_.tail(), kProbation);
}

void WTinyLfuPolicy::Access(Handle h, uint64_t) {
  Meta& m = meta_[h];
  sketch_.Increment(m.id);
  if (m.where == kProbation) {
    Move(h, kProtected);
    // Protected over its share: its LRU drops back to probation.
    while (bytes_[kProtected] > protected_cap_ && protected_.tail() != h) Move(protected_.tail(), kProbation);
  } else {
    ListOf(m.where).MoveToFront(h);
  }
}

void WTinyLfuPolicy::Remove(Handle h) {
  Meta& m = meta_[h];
  ListOf(m.where).Remove(h);
  bytes_[m.where] -= m.size;
}

Handle WTinyLfuPolicy::Evict(uint64_t) {
  // The newest candidate (probation's head) competes with probation's LRU;
  // the sketch keeps the more popular one (ties reject the candidate).
  Handle victim = probation_.tail(), cand = probation_.head();
  if (victim != kNoHandle) {
    Handle out = victim;
    if (cand != victim && sketch_.Estimate(meta_[cand].id) <= sketch_.Estimate(meta_[victim].id)) out = cand;
    Remove(out);
    return out;
  }
  for (HandleList* l : {&protected_, &window_}) {
    if (l->empty()) continue;
    Handle h = l->tail();
    Remove(h);
    return h;
  }
  return kNoHandle;
}

}  // namespace cachelab::eviction
