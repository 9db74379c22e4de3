// Rows indexed by a dense number (a key id, a slot), stored in fixed-size
// chunks instead of one vector: growing never copies the rows, so there is no
// moment when the old and the new array are both alive (a vector's
// reallocation peak, 1.5-3x its size), no capacity slack beyond the last
// chunk, and a row's address is stable for the container's life.
// Rows are default-constructed a chunk at a time.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "sim/prefetch.h"

namespace cachelab {

template <typename T, unsigned kShift = 12>
class ChunkedRows {
 public:
  static constexpr size_t kChunk = size_t{1} << kShift;

  // The row, default-constructed up to it (size() becomes at least i + 1).
  T& At(uint32_t i) {
    if (i >= size_) Resize(static_cast<size_t>(i) + 1);
    return (*this)[i];
  }
  // REQUIRES: i < size().
  T& operator[](uint32_t i) { return chunks_[i >> kShift][i & (kChunk - 1)]; }
  const T& operator[](uint32_t i) const { return chunks_[i >> kShift][i & (kChunk - 1)]; }
  // nullptr beyond size().
  const T* Find(uint32_t i) const { return i < size_ ? &(*this)[i] : nullptr; }
  T* Find(uint32_t i) { return i < size_ ? &(*this)[i] : nullptr; }
  // Starts loading row i into the cache (a hint: nothing changes).
  void Prefetch(uint32_t i) const {
    if (i < size_) PrefetchLine(&(*this)[i]);
  }
  // A new default row at the end; returns its number.
  uint32_t Append() {
    Resize(size_ + 1);
    return static_cast<uint32_t>(size_ - 1);
  }
  size_t size() const { return size_; }
  size_t MemoryBytes() const { return chunks_.size() * kChunk * sizeof(T) + chunks_.capacity() * sizeof(void*); }
  // Drops every row (and the chunks).
  void Clear() {
    chunks_.clear();
    size_ = 0;
  }

 private:
  void Resize(size_t n) {
    while (chunks_.size() * kChunk < n) chunks_.push_back(std::make_unique<T[]>(kChunk));
    size_ = n;
  }

  std::vector<std::unique_ptr<T[]>> chunks_;
  size_t size_ = 0;
};

}  // namespace cachelab
