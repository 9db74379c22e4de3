// Handles a policy let go of on its own (outside Evict's one answer), kept
// until the owner drains them through Policy::TakeEvicted().
#pragma once
#include <vector>

#include "eviction/policy.h"

namespace cachelab::eviction {

class DroppedHandles {
 public:
  void Add(Handle h) { v_.push_back(h); }
  bool empty() const { return v_.empty(); }
  Handle Take() {
    if (v_.empty()) return kNoHandle;
    Handle h = v_.back();
    v_.pop_back();
    return h;
  }

 private:
  std::vector<Handle> v_;
};

}  // namespace cachelab::eviction
