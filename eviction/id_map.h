// Open-addressing hash map from 64-bit object ids to 32-bit handles: linear
// probing, backward-shift deletion (no tombstones), packed 12-byte slots,
// grows at 1/2 load (short probe runs matter more than the slack). It holds
// only what is cached, so memory follows the cache size: 24-48 bytes an entry.
// BasicIdMap<uint32_t>, for ids known to fit 32 bits: 8-byte slots, 16-32 bytes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "eviction/huge_page_allocator.h"

namespace cachelab::eviction {

// The hash of the id tables here (and sim/key_ids.h's), whose top bits pick a
// slot: two multiply-xorshift rounds (murmur3's finaliser, shortened), as
// trace ids are often strided block numbers, which plain Fibonacci hashing clusters.
inline uint64_t MixId(uint64_t id) {
  uint64_t h = id * 0xff51afd7ed558ccdULL;
  h ^= h >> 32;
  return h * 0x9e3779b97f4a7c15ULL;
}

template <typename Key>
class BasicIdMap {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  explicit BasicIdMap(size_t expected = 16) { Rehash(CapacityFor(expected)); }

  uint32_t Find(Key id) const {
    for (size_t i = Home(id);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.value == kNone) return kNone;
      if (s.id == id) return s.value;
    }
  }
  // Starts loading id's home slot into the cache (a lookup soon after is then no miss).
  [[gnu::always_inline]] void Prefetch(Key id) const { __builtin_prefetch(&slots_[Home(id)]); }
  // Inserts or overwrites.
  void Put(Key id, uint32_t value) { Claim(id)->value = value; }
  // Inserts unless present (one probe run); true when inserted.
  bool Emplace(Key id, uint32_t value) {
    Slot* s = Claim(id);
    if (s->value != kNone) return false;
    s->value = value;
    return true;
  }
  // id's value, after inserting `value` for it when absent (one probe run).
  uint32_t FindOrPut(Key id, uint32_t value) {
    Slot* s = Claim(id);
    if (s->value == kNone) s->value = value;
    return s->value;
  }
  // FindOrPut over a run of requests, for numbering a trace: out[i] = ids[i]'s
  // value, an id not yet present getting next, next + 1, ... in order (and
  // on_new(i) called); out[i] = kNone where sizes[i] == 0, not looked up.
  // Returns the next value. The same values as FindOrPut one at a time; this
  // keeps the table's fields in locals (a store to out cannot be taken for
  // one of them) and hashes each id once for both its prefetch and its probe.
  template <class OnNew>
  uint32_t NumberRun(const Key* ids, const uint32_t* sizes, size_t n, uint32_t* out, uint32_t next, OnNew&& on_new);
  bool Erase(Key id) {
    size_t i = Home(id);
    for (;; i = (i + 1) & mask_) {
      if (slots_[i].value == kNone) return false;
      if (slots_[i].id == id) break;
    }
    // Backward shift: pull later entries of the probe run into the hole.
    size_t hole = i;
    for (size_t j = (i + 1) & mask_; slots_[j].value != kNone; j = (j + 1) & mask_) {
      size_t home = Home(slots_[j].id);
      if (((j - home) & mask_) >= ((j - hole) & mask_)) {
        slots_[hole] = slots_[j];
        hole = j;
      }
    }
    slots_[hole].value = kNone;
    --size_;
    return true;
  }
  size_t size() const { return size_; }
  size_t MemoryBytes() const { return slots_.size() * sizeof(Slot); }
  void Clear() {
    for (auto& s : slots_) s.value = kNone;
    size_ = 0;
  }

 private:
  struct __attribute__((packed)) Slot {
    Key id = 0;
    uint32_t value = kNone;
  };
  static_assert(sizeof(Slot) == sizeof(Key) + 4);
  // id's slot: the one holding it, or the empty one that now does (value still kNone).
  Slot* Claim(Key id) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    for (size_t i = Home(id);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.value == kNone) {
        s.id = id;
        ++size_;
        return &s;
      }
      if (s.id == id) return &s;
    }
  }
  static size_t CapacityFor(size_t n) {
    size_t c = 16;
    while (c < n * 2) c *= 2;
    return c;
  }
  size_t Home(uint64_t id) const { return static_cast<size_t>(MixId(id) >> shift_); }
  void Rehash(size_t capacity) {
    std::vector<Slot, HugePageAllocator<Slot>> old;
    old.swap(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    shift_ = 64 - __builtin_ctzll(capacity);
    size_ = 0;
    for (const Slot& s : old)
      if (s.value != kNone) Put(s.id, s.value);
  }

  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  size_t mask_ = 0;
  int shift_ = 60;
  size_t size_ = 0;
};

template <typename Key>
template <class OnNew>
uint32_t BasicIdMap<Key>::NumberRun(const Key* ids, const uint32_t* sizes, size_t n, uint32_t* out, uint32_t next,
                                    OnNew&& on_new) {
  constexpr size_t kAhead = 16;  // how far ahead an id's slot is prefetched (the table outgrows the caches)
  Slot* slots = slots_.data();
  size_t mask = mask_, size = size_;
  int shift = shift_;
  size_t homes[kAhead];  // homes[j % kAhead]: request j's home slot, for j in (i, i + kAhead]
  auto home = [&](size_t j) { return static_cast<size_t>(MixId(ids[j]) >> shift); };
  auto ahead = [&](size_t j) {
    homes[j % kAhead] = home(j);
    __builtin_prefetch(&slots[homes[j % kAhead]]);
  };
  for (size_t j = 0; j < n && j < kAhead; ++j) ahead(j);
  for (size_t i = 0; i < n; ++i) {
    size_t h = homes[i % kAhead];
    if (i + kAhead < n) ahead(i + kAhead);
    if (sizes[i] == 0) {
      out[i] = kNone;
      continue;
    }
    const Key id = ids[i];
    for (;; h = (h + 1) & mask) {
      Slot& s = slots[h];
      if (s.id == id && s.value != kNone) {
        out[i] = s.value;
        break;
      }
      if (s.value != kNone) continue;
      if ((size + 1) * 2 > mask + 1) {  // full: grow, then probe again from the new home
        size_ = size;
        Rehash(slots_.size() * 2);
        slots = slots_.data();
        mask = mask_;
        shift = shift_;
        for (size_t j = i + 1; j < n && j <= i + kAhead; ++j) ahead(j);
        h = home(i) - 1;  // the loop's step makes it home(i)
        continue;
      }
      s.id = id;
      s.value = next;
      ++size;
      out[i] = next++;
      on_new(i);
      break;
    }
  }
  size_ = size;
  return next;
}

using IdMap = BasicIdMap<uint64_t>;

}  // namespace cachelab::eviction
