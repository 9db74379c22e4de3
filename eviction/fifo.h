// FIFO: a hit changes nothing; evict the oldest insert.
#pragma once
#include "eviction/handle_list.h"

namespace cachelab::eviction {

class FifoPolicy final : public Policy {
 public:
  std::string_view Name() const override { return "fifo"; }
  void Insert(Handle h, uint64_t, uint64_t, uint64_t) override {
    links_.Ensure(h);
    list_.PushFront(h);
  }
  void Access(Handle, uint64_t) override {}
  void Remove(Handle h) override { list_.Remove(h); }
  Handle Evict(uint64_t) override { return list_.PopBack(); }

 private:
  Links links_;
  HandleList list_{&links_};
};

}  // namespace cachelab::eviction
