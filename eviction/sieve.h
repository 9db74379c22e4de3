// SIEVE (NSDI'24): new objects enter at the head; a hit sets `visited`. The
// hand starts at the tail and moves toward the head (wrapping to the tail),
// clearing visited bits until it finds an unvisited object, evicts it, and
// keeps its place for the next eviction.
#pragma once
#include "eviction/handle_list.h"

namespace cachelab::eviction {

class SievePolicy final : public Policy {
 public:
  std::string_view Name() const override { return "sieve"; }
  void Insert(Handle h, uint64_t, uint64_t, uint64_t) override {
    links_.Ensure(h);
    if (h >= visited_.size()) visited_.resize(links_.at.size());
    visited_[h] = 0;
    list_.PushFront(h);
  }
  void Access(Handle h, uint64_t) override { visited_[h] = 1; }
  void Remove(Handle h) override {
    if (hand_ == h) hand_ = list_.Prev(h);
    list_.Remove(h);
  }
  Handle Evict(uint64_t) override {
    if (list_.empty()) return kNoHandle;
    Handle h = hand_ != kNoHandle ? hand_ : list_.tail();
    while (visited_[h]) {
      visited_[h] = 0;
      h = list_.Prev(h);
      if (h == kNoHandle) h = list_.tail();
    }
    hand_ = list_.Prev(h);
    list_.Remove(h);
    return h;
  }

 private:
  Links links_;
  HandleList list_{&links_};
  std::vector<uint8_t> visited_;
  Handle hand_ = kNoHandle;
};

}  // namespace cachelab::eviction
