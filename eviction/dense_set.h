// A set of handles with O(1) insert, erase and uniform random pick: what
// sampled policies (Redis's LRU/LFU/random) need to draw candidates.
#pragma once
#include <cstdint>
#include <vector>

#include "eviction/policy.h"

namespace cachelab::eviction {

class DenseHandleSet {
 public:
  void Insert(Handle h) {
    if (h >= pos_.size()) pos_.resize(h + 1, kNoHandle);
    if (pos_[h] != kNoHandle) return;
    pos_[h] = static_cast<uint32_t>(items_.size());
    items_.push_back(h);
  }
  bool Erase(Handle h) {
    if (h >= pos_.size() || pos_[h] == kNoHandle) return false;
    uint32_t p = pos_[h];
    Handle last = items_.back();
    items_[p] = last;
    pos_[last] = p;
    items_.pop_back();
    pos_[h] = kNoHandle;
    return true;
  }
  bool Contains(Handle h) const { return h < pos_.size() && pos_[h] != kNoHandle; }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  Handle at(size_t i) const { return items_[i]; }

 private:
  std::vector<Handle> items_;
  std::vector<uint32_t> pos_;
};

}  // namespace cachelab::eviction
