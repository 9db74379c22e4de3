// One dense id per key: 0, 1, 2, ... in the order keys are first touched.
// The simulated database owns the run's KeyIds, the runner stamps each request
// with its key's id, and per-key state elsewhere (database rows, episode
// state, commit history, the simulated Redis's id index) lives in flat arrays
// indexed by it: one hash lookup per request instead of one per structure, and
// memory that follows the keys touched (8-20 bytes a key below 2^32, as
// every synthetic key is; 24-48 above, e.g. trace ids).
#pragma once
#include <algorithm>
#include <bit>
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
    if (!direct_) return InternHashed(k);
    if (k < by_key_.size()) {
      uint32_t& id = by_key_[k].id;
      return id != kNoKeyId ? id : (id = Add(k));
    }
    if (k + uint64_t{1} > 2 * HashSlots(small_size_ + 1)) {  // too sparse now: back to the table
      ToHashed();
      return InternHashed(k);
    }
    return by_key_.At(k).id = Add(k);
  }
  // kNoKeyId if the key was never touched.
  uint32_t Find(uint64_t key) const {
    if (key > UINT32_MAX) return large_.Find(key);
    uint32_t k = static_cast<uint32_t>(key);
    if (direct_) return k < by_key_.size() ? by_key_[k].id : kNoKeyId;
    for (size_t i = Home(k);; i = (i + 1) & mask_) {
      uint32_t id = small_[i];
      if (id == kNoKeyId || keys_[id] == k) return id;
    }
  }
  // always_inline: else GCC took it for a const function (a prefetch is its
  // only effect) and dropped the runner's calls (see sim/prefetch.h).
  [[gnu::always_inline]] void Prefetch(uint64_t key) const {
    if (key > UINT32_MAX)
      large_.Prefetch(key);
    else if (direct_)
      by_key_.Prefetch(static_cast<uint32_t>(key));
    else
      PrefetchLine(&small_[Home(static_cast<uint32_t>(key))]);
  }
  uint32_t size() const { return size_; }
  // The key numbered id. REQUIRES: it is below 2^32. The first call while
  // numbering by the array builds the row by id it reads (one pass).
  uint32_t SmallKey(uint32_t id) const {
    if (!keys_kept_) KeepKeys();
    return keys_[id];
  }
  // Whether keys below 2^32 are numbered through the array by key (else the table).
  bool direct() const { return direct_; }
  // Whether the keys of ids are kept (always while numbering by the table).
  bool keys_kept() const { return keys_kept_; }
  size_t MemoryBytes() const {
    return small_.capacity() * 4 + by_key_.MemoryBytes() + keys_.MemoryBytes() + large_.MemoryBytes();
  }

 private:
  static_assert(eviction::IdMap::kNone == kNoKeyId);
  static constexpr size_t kMinSlots = 16;
  // Keys below 2^32 (every synthetic key) are numbered one of two ways, with
  // the same ids either way (first-touch order, the key of each id in keys_):
  // - while they are sparse (the largest key is more than twice the table's
  //   slots), an open-addressing table of ids only (4-byte slots, linear
  //   probing, grown at 1/2 load) whose probes compare with keys_: 12-20
  //   bytes a key;
  // - once they are dense (the table would grow to as many slots as the
  //   largest key), an array by key (4 bytes a key up to the largest: one
  //   load, no probe), e.g. a uniform or long Zipf run that touches most of
  //   its keyspace: 4-5 bytes a key touched; keys_ is dropped, and built
  //   again only if someone asks for an id's key (SmallKey: the simulated
  //   Redis spelling names for SCAN). Back to the table if a key comes
  //   beyond twice the slots the table would have (the factor 2 keeps the
  //   two from flipping back and forth).
  // Keys are never erased. Wider keys (e.g. trace ids) in an IdMap (12-byte
  // slots; their rows in keys_ stay unused).
  struct ById {
    uint32_t id = kNoKeyId;
  };
  // The table's slots for n keys: a power of two >= 2n.
  static size_t HashSlots(size_t n) { return std::max(kMinSlots, std::bit_ceil(2 * n)); }
  uint32_t Add(uint32_t key) {
    if (keys_kept_) keys_.At(size_) = key;
    ++small_size_;
    if (key > max_small_) max_small_ = key;
    return size_++;
  }
  uint32_t InternHashed(uint32_t k) {
    size_t i = Home(k);
    for (uint32_t id; (id = small_[i]) != kNoKeyId; i = (i + 1) & mask_)
      if (keys_[id] == k) return id;
    if ((small_size_ + 1) * 2 > small_.size()) {
      if (std::max<uint64_t>(max_small_, k) + 1 <= small_.size() * 2) {  // the array costs no more: go dense
        ToDirect();
        return by_key_.At(k).id = Add(k);
      }
      Grow();
      i = FreeSlot(k);
    }
    small_[i] = size_;
    return Add(k);
  }
  void ToDirect() {
    if (small_size_ > 0) by_key_.At(max_small_);
    for (uint32_t id : small_)
      if (id != kNoKeyId) by_key_[keys_[id]].id = id;
    decltype(small_)().swap(small_);
    keys_.Clear();
    keys_kept_ = false;
    direct_ = true;
  }
  // keys_ from the array (wider keys' rows stay 0, unread).
  void KeepKeys() const {
    for (uint32_t k = 0; k < by_key_.size(); ++k)
      if (uint32_t id = by_key_[k].id; id != kNoKeyId) keys_.At(id) = k;
    keys_kept_ = true;
  }
  void ToHashed() {
    if (!keys_kept_) KeepKeys();
    small_.assign(HashSlots(small_size_ + 1), kNoKeyId);
    Sized(small_.size());
    for (uint32_t k = 0; k < by_key_.size(); ++k)
      if (uint32_t id = by_key_[k].id; id != kNoKeyId) small_[FreeSlot(k)] = id;
    by_key_.Clear();
    direct_ = false;
  }
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

  std::vector<uint32_t, eviction::HugePageAllocator<uint32_t>> small_;  // ids, kNoKeyId: empty (the table)
  size_t mask_ = 0;
  int shift_ = 60;
  bool direct_ = false;
  ChunkedRows<ById> by_key_;  // the array: by key up to the largest, its id
  uint32_t small_size_ = 0;   // keys below 2^32 numbered
  uint32_t max_small_ = 0;
  // By id: the key of an id below 2^32 (the table's probes compare with it),
  // while keys_kept_. Mutable: built on demand by SmallKey.
  mutable ChunkedRows<uint32_t> keys_;
  mutable bool keys_kept_ = true;
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
