// Per-key state that exists only for keys actually touched: an open-addressing
// map from the 64-bit key to a dense row number, and the rows in first-touch
// order. Memory follows the keys a run touches (12-byte map slots at <= 1/2
// load, plus sizeof(T) a row), never the size of the keyspace, and any key id
// works (no aliasing of large trace ids).
#pragma once
#include <cstdint>
#include <vector>

#include "eviction/id_map.h"

namespace cachelab {

template <typename T>
class KeyRows {
 public:
  // The key's row, default-constructed at first touch.
  T& Get(uint64_t key) { return rows_[Index(key)]; }
  // The key's row number, stable for the container's life (rows are never
  // removed); creates the row at first touch.
  uint32_t Index(uint64_t key) {
    uint32_t i = index_.Find(key);
    if (i == eviction::IdMap::kNone) {
      i = static_cast<uint32_t>(rows_.size());
      rows_.emplace_back();
      index_.Put(key, i);
    }
    return i;
  }
  T& At(uint32_t row) { return rows_[row]; }
  // nullptr if the key was never touched.
  const T* Find(uint64_t key) const {
    uint32_t i = index_.Find(key);
    return i == eviction::IdMap::kNone ? nullptr : &rows_[i];
  }
  T* Find(uint64_t key) { return const_cast<T*>(static_cast<const KeyRows&>(*this).Find(key)); }
  size_t size() const { return rows_.size(); }
  // Rows in first-touch order.
  const std::vector<T>& rows() const { return rows_; }
  size_t MemoryBytes() const { return index_.MemoryBytes() + rows_.capacity() * sizeof(T); }

 private:
  eviction::IdMap index_;
  std::vector<T> rows_;
};

}  // namespace cachelab
