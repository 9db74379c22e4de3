// Reads a few requests ahead of the caller and prefetches the slot of each
// one's key in an IdMap: with a large keyspace a lookup would otherwise wait
// for memory on every request.
#pragma once
#include <cstddef>

#include "eviction/id_map.h"
#include "workloads/trace_reader.h"

namespace cachelab {

class PrefetchAhead {
 public:
  PrefetchAhead(TraceReader& reader, const eviction::IdMap& ids) : reader_(reader), ids_(ids) {}
  // The next request, or false at the end or on the reader's error.
  bool Next(Request* out) {
    while (more_ && count_ < kAhead) {
      Request& slot = ahead_[(head_ + count_) % kAhead];
      if (!reader_.Next(&slot)) {
        more_ = false;
        break;
      }
      ids_.Prefetch(slot.key);
      ++count_;
    }
    if (count_ == 0) return false;
    *out = ahead_[head_];
    head_ = (head_ + 1) % kAhead;
    --count_;
    return true;
  }

 private:
  static constexpr size_t kAhead = 8;
  TraceReader& reader_;
  const eviction::IdMap& ids_;
  Request ahead_[kAhead];
  size_t head_ = 0, count_ = 0;
  bool more_ = true;
};

}  // namespace cachelab
