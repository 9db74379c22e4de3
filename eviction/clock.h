// 1-bit CLOCK as libCacheSim's `clock`: new objects enter at the head with the
// bit clear; a hit sets it. Eviction looks at the tail: a set bit is cleared
// and the object moves to the head; the first clear one is evicted.
#pragma once
#include "eviction/handle_list.h"

namespace cachelab::eviction {

class ClockPolicy final : public Policy {
 public:
  std::string_view Name() const override { return "clock"; }
  void Insert(Handle h, uint64_t, uint64_t, uint64_t) override {
    links_.Ensure(h);
    if (h >= ref_.size()) ref_.resize(links_.at.size());
    ref_[h] = 0;
    list_.PushFront(h);
  }
  void Access(Handle h, uint64_t) override { ref_[h] = 1; }
  void Remove(Handle h) override { list_.Remove(h); }
  Handle Evict(uint64_t) override {
    for (;;) {
      Handle h = list_.tail();
      if (h == kNoHandle || !ref_[h]) return list_.PopBack();
      ref_[h] = 0;
      list_.MoveToFront(h);
    }
  }

 private:
  Links links_;
  HandleList list_{&links_};
  std::vector<uint8_t> ref_;
};

}  // namespace cachelab::eviction
