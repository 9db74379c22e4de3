// One dense id per key: 0, 1, 2, ... in the order keys are first touched.
// The simulated database owns the run's KeyIds, the runner stamps each request
// with its key's id, and per-key state elsewhere (database rows, episode
// state, commit history, the simulated Redis's id index) lives in flat arrays
// indexed by it: one hash lookup per request instead of one per structure, and
// memory that follows the keys touched (12-20 bytes a key below 2^32, as
// every synthetic key is; 24-48 above, e.g. trace ids).
#pragma once
#include <cstdint>
#include <vector>

#include "eviction/huge_page_allocator.h"
#include "eviction/id_map.h"
#include "sim/chunked_rows.h"
#include "sim/prefetch.h"

namespace cachelab {

// A request or load whose key has no id yet (set by hand, e.g. in tests).
inline constexpr uint32_t kNoKeyId = UINT32_MAX;

class KeyIds {
 public:
  KeyIds() {
    small_.assign(kMinSlots, kNoKeyId);
    Sized(kMinSlots);
  }

  // The key's id, assigned at its first touch.
  uint32_t Intern(uint64_t key) {
    if (key > UINT32_MAX) {
      uint32_t id = large_.Find(key);
      if (id != kNoKeyId) return id;
      large_.Put(key, size_);
      return size_++;
    }
    uint32_t k = static_cast<uint32_t>(key);
    size_t i = Home(k);
    for (uint32_t id; (id = small_[i]) != kNoKeyId; i = (i + 1) & mask_)
      if (keys_[id] == k) return id;
    if ((small_size_ + 1) * 2 > small_.size()) {
      Grow();
      i = FreeSlot(k);
    }
    small_[i] = size_;
    keys_.At(size_) = k;
    ++small_size_;
    return size_++;
  }
  // kNoKeyId if the key was never touched.
  uint32_t Find(uint64_t key) const {
    if (key > UINT32_MAX) return large_.Find(key);
    uint32_t k = static_cast<uint32_t>(key);
    for (size_t i = Home(k);; i = (i + 1) & mask_) {
      uint32_t id = small_[i];
      if (id == kNoKeyId || keys_[id] == k) return id;
    }
  }
  // always_inline: else GCC took it for a const function (a prefetch is its
  // only effect) and dropped the runner's calls (see sim/prefetch.h).
  [[gnu::always_inline]] void Prefetch(uint64_t key) const {
    if (key <= UINT32_MAX)
      PrefetchLine(&small_[Home(static_cast<uint32_t>(key))]);
    else
      large_.Prefetch(key);
  }
  uint32_t size() const { return size_; }
  // REQUIRES: SmallKeyOf(id) is not null.
  uint32_t SmallKey(uint32_t id) const { return keys_[id]; }
  // The key numbered id when it is below 2^32, else null.
  const uint32_t* SmallKeyOf(uint32_t id) const {
    const uint32_t* k = keys_.Find(id);
    // Only small ids write their row: a wider key's row stays 0 (as key 0's does).
    return k && (*k != 0 || Find(0) == id) ? k : nullptr;
  }
  size_t MemoryBytes() const { return small_.size() * 4 + keys_.MemoryBytes() + large_.MemoryBytes(); }

 private:
  static_assert(eviction::IdMap::kNone == kNoKeyId);
  static constexpr size_t kMinSlots = 16;
  // Keys below 2^32 (every synthetic key): an open-addressing table of ids
  // only (4-byte slots, linear probing, grown at 1/2 load), the keys in a row
  // by id that a probe compares with: 12-20 bytes a key where slots holding
  // key and id took 16-32. Keys are never erased. Wider keys (e.g. trace ids)
  // in an IdMap (12-byte slots; their rows in keys_ stay unused).
  size_t Home(uint32_t key) const { return static_cast<size_t>(eviction::MixId(key) >> shift_); }
  size_t FreeSlot(uint32_t key) const {
    size_t i = Home(key);
    while (small_[i] != kNoKeyId) i = (i + 1) & mask_;
    return i;
  }
  void Sized(size_t slots) {
    mask_ = slots - 1;
    shift_ = 64 - __builtin_ctzll(slots);
  }
  void Grow() {
    std::vector<uint32_t, eviction::HugePageAllocator<uint32_t>> old(small_.size() * 2, kNoKeyId);
    old.swap(small_);
    Sized(small_.size());
    for (uint32_t id : old)
      if (id != kNoKeyId) small_[FreeSlot(keys_[id])] = id;
  }

  std::vector<uint32_t, eviction::HugePageAllocator<uint32_t>> small_;  // ids, kNoKeyId: empty
  size_t mask_ = 0;
  int shift_ = 60;
  uint32_t small_size_ = 0;
  ChunkedRows<uint32_t> keys_;  // by id: the key of an id in small_
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
