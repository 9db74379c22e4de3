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
    const Handle h = Take();
    records_[h] = r;
    return h;
  }
  // A handle whose record the caller does not keep here (its slot is only reserved).
  Handle Take() {
    if (!free_.empty()) {
      const Handle h = free_.back();
      free_.pop_back();
      return h;
    }
    records_.emplace_back();
    return static_cast<Handle>(records_.size() - 1);
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
