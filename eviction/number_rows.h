// Rows by dense number (eviction/dense_ids.h) that a numbered replay's store
// and its policy share: the store's handle in cell 0 and, when the policy asks
// for one (Policy::WantsNumberCell), the policy's own 32-bit cell in cell 1 of
// the same 8-byte row. A policy with ghost lists keeps its ghost index there:
// a request then reads one cache line where two arrays by number cost two
// (ARC's loop, three arrays before: +15% requests/s on a 10^7 Zipf trace).
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "eviction/huge_page_allocator.h"

namespace cachelab::eviction {

class NumberRows {
 public:
  static constexpr uint32_t kEmpty = UINT32_MAX;

  // 1 or 2 cells a row; call while empty.
  void SetCells(unsigned cells) { shift_ = cells == 2 ? 1 : 0; }
  bool has_policy_cell() const { return shift_ == 1; }
  uint64_t rows() const { return cells_.size() >> shift_; }
  // At least `rows` rows, new cells empty.
  void Grow(uint64_t rows) {
    if (rows > this->rows()) cells_.resize(rows << shift_, kEmpty);
  }
  uint32_t& at(uint64_t row, unsigned cell) { return cells_[(row << shift_) + cell]; }
  uint32_t at(uint64_t row, unsigned cell) const { return cells_[(row << shift_) + cell]; }
  [[gnu::always_inline]] void Prefetch(uint64_t row) const { __builtin_prefetch(&cells_[row << shift_]); }
  uint64_t MemoryBytes() const { return cells_.capacity() * sizeof(uint32_t); }

 private:
  std::vector<uint32_t, HugePageAllocator<uint32_t>> cells_;
  unsigned shift_ = 0;
};

// The policy's cell of each row. It keeps the rows' owner, not a pointer into
// them: the store grows the rows when a number beyond them comes.
class NumberCell {
 public:
  static constexpr uint32_t kEmpty = NumberRows::kEmpty;

  NumberCell() = default;
  explicit NumberCell(NumberRows* rows) : rows_(rows) {}
  bool valid() const { return rows_ != nullptr; }
  uint32_t Get(uint64_t n) const { return n < rows_->rows() ? rows_->at(n, 1) : kEmpty; }
  [[gnu::always_inline]] void Prefetch(uint64_t n) const {
    if (n < rows_->rows()) rows_->Prefetch(n);
  }
  void Set(uint64_t n, uint32_t value) {
    if (n >= rows_->rows()) rows_->Grow(std::max<uint64_t>(n + 1, rows_->rows() * 2));
    rows_->at(n, 1) = value;
  }

 private:
  NumberRows* rows_ = nullptr;
};

}  // namespace cachelab::eviction
