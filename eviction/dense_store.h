// The cached objects of one replay when requests come numbered (DenseIds):
// number -> handle is a plain array, so a lookup is one load and releasing a
// victim clears one entry (no hash probe, no backward shift). The rows are as
// long as the highest number seen (4 bytes a distinct id, 8 with the policy's
// cell); handles stay compact (reused), so the policies' per-handle arrays
// follow the cache.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "eviction/handle_slab.h"
#include "eviction/number_rows.h"
#include "eviction/policy.h"
#include "eviction/replay_trace.h"

namespace cachelab::eviction {

class DenseStore {
 public:
  explicit DenseStore(size_t /*expected*/) {}
  // The key this store looks request i up by: its number.
  static uint32_t Key(const ReplayTrace& t, size_t i) { return t.dense[i]; }
  // `known` numbers are given out already: the rows start that long, with a
  // cell for the policy beside each handle when it wants one (number_rows.h).
  void Reserve(uint64_t known, bool policy_cell) {
    rows_.SetCells(policy_cell ? 2 : 1);
    rows_.Grow(known);
  }
  NumberCell PolicyCell() { return rows_.has_policy_cell() ? NumberCell(&rows_) : NumberCell(); }
  Handle Find(uint32_t n) const { return n < rows_.rows() ? rows_.at(n, 0) : kNoHandle; }
  // The row holds the policy's cell too: one prefetch serves both.
  [[gnu::always_inline]] void Prefetch(uint32_t n) const {
    if (n < rows_.rows()) rows_.Prefetch(n);
  }
  // With `record` false the caller releases h with ReleaseKnown (its policy
  // keeps h's number and size): nothing is written for it here.
  Handle Add(uint32_t n, uint32_t size, bool record = true) {
    if (n >= rows_.rows()) rows_.Grow(std::max<uint64_t>(n + 1, rows_.rows() * 2));
    const Handle h = record ? objects_.Add({n, size}) : objects_.Take();
    rows_.at(n, 0) = h;
    used_ += size;
    ++count_;
    return h;
  }
  void Release(Handle h) {
    const Object& o = objects_[h];
    used_ -= o.size;
    rows_.at(o.number, 0) = kNoHandle;
    objects_.Release(h);
    --count_;
  }
  void ReleaseKnown(Handle h, uint32_t number, uint32_t size) {
    used_ -= size;
    rows_.at(number, 0) = kNoHandle;
    objects_.Release(h);
    --count_;
  }
  uint64_t used() const { return used_; }
  size_t count() const { return count_; }
  uint64_t MemoryBytes() const { return rows_.MemoryBytes() + objects_.MemoryBytes(); }

 private:
  struct Object {
    uint32_t number;
    uint32_t size;
  };
  static_assert(kNoHandle == NumberRows::kEmpty);
  // used_ and count_ apart: side by side, g++ adds to both with one 16-byte
  // load after Release's two 8-byte stores, a store-forwarding stall on every
  // miss (88% of Add's samples).
  uint64_t used_ = 0;
  NumberRows rows_;  // by number: the handle (kNoHandle: not cached), and the policy's cell
  HandleSlab<Object> objects_;
  size_t count_ = 0;
};

}  // namespace cachelab::eviction
