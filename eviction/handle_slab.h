// One record per cached object, by handle: handles 0, 1, 2, ... are given out
// and reused once released, so the replay's and the policies' per-handle
// arrays stay as long as the most objects cached at once.
#pragma once
#include <cstdint>
#include <vector>

#include "eviction/policy.h"

namespace cachelab::eviction {

template <class Record>
class HandleSlab {
 public:
  Handle Add(const Record& r) {
    Handle h;
    if (!free_.empty()) {
      h = free_.back();
      free_.pop_back();
    } else {
      h = static_cast<Handle>(records_.size());
      records_.emplace_back();
    }
    records_[h] = r;
    return h;
  }
  void Release(Handle h) { free_.push_back(h); }
  Record& operator[](Handle h) { return records_[h]; }
  const Record& operator[](Handle h) const { return records_[h]; }
  uint64_t MemoryBytes() const { return records_.capacity() * sizeof(Record) + free_.capacity() * sizeof(Handle); }

 private:
  std::vector<Record> records_;
  std::vector<Handle> free_;
};

}  // namespace cachelab::eviction
