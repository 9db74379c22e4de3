// One dense id per key: 0, 1, 2, ... in the order keys are first touched.
// The simulated database owns the run's KeyIds, the runner stamps each request
// with its key's id, and per-key state elsewhere (database rows, episode
// state, commit history, the simulated Redis's id index) lives in flat arrays
// indexed by it: one hash lookup per request instead of one per structure, and
// memory that follows the keys touched (the map costs 16-32 bytes a key below
// 2^32, as every synthetic key is; 24-48 above, e.g. trace ids).
#pragma once
#include <cstdint>
#include <vector>

#include "eviction/id_map.h"
#include "sim/prefetch.h"

namespace cachelab {

// A request or load whose key has no id yet (set by hand, e.g. in tests).
inline constexpr uint32_t kNoKeyId = UINT32_MAX;

class KeyIds {
 public:
  // The key's id, assigned at its first touch.
  uint32_t Intern(uint64_t key) {
    uint32_t id = Find(key);
    if (id != kNoKeyId) return id;
    if (key <= UINT32_MAX)
      small_.Put(static_cast<uint32_t>(key), size_);
    else
      large_.Put(key, size_);
    return size_++;
  }
  // kNoKeyId if the key was never touched.
  uint32_t Find(uint64_t key) const {
    return key <= UINT32_MAX ? small_.Find(static_cast<uint32_t>(key)) : large_.Find(key);
  }
  // always_inline: else GCC took it for a const function (a prefetch is its
  // only effect) and dropped the runner's calls (see sim/prefetch.h).
  [[gnu::always_inline]] void Prefetch(uint64_t key) const {
    if (key <= UINT32_MAX)
      small_.Prefetch(static_cast<uint32_t>(key));
    else
      large_.Prefetch(key);
  }
  uint32_t size() const { return size_; }
  size_t MemoryBytes() const { return small_.MemoryBytes() + large_.MemoryBytes(); }

 private:
  static_assert(eviction::IdMap::kNone == kNoKeyId);
  // Two maps by the key's width: 8-byte slots where 12 would hold 4 bytes of zeros.
  eviction::BasicIdMap<uint32_t> small_;
  eviction::IdMap large_;
  uint32_t size_ = 0;
};

// Rows indexed by dense key id, default-constructed up to the largest id asked for.
template <typename T>
class DenseRows {
 public:
  T& At(uint32_t id) {
    if (id >= rows_.size()) rows_.resize(static_cast<size_t>(id) + 1);  // capacity doubles
    return rows_[id];
  }
  const T* Find(uint32_t id) const { return id < rows_.size() ? &rows_[id] : nullptr; }
  // Starts loading id's row into the cache (a hint: nothing changes).
  void Prefetch(uint32_t id) const {
    if (id < rows_.size()) PrefetchLine(&rows_[id]);
  }
  size_t size() const { return rows_.size(); }
  const std::vector<T>& rows() const { return rows_; }

 private:
  std::vector<T> rows_;
};

}  // namespace cachelab
