// Open-addressing index from a string key to a slot number, with linear probing
// and backward-shift deletion (no tombstones). The keys themselves live in the
// owner's slots; the index stores only (hash, slot), 8 bytes a bucket.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace cachelab {

class KeyIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  KeyIndex() { buckets_.assign(16, Bucket{0, kNone}); }

  template <typename KeyOf>
  uint32_t Find(std::string_view key, uint64_t hash, const KeyOf& key_of) const {
    uint32_t h = static_cast<uint32_t>(hash);
    size_t mask = buckets_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Bucket& b = buckets_[i];
      if (b.slot == kNone) return kNone;
      if (b.hash == h && key_of(b.slot) == key) return b.slot;
    }
  }

  // REQUIRES: the key is not present.
  void Insert(uint64_t hash, uint32_t slot) {
    if ((size_ + 1) * 10 > buckets_.size() * 7) Grow();
    Place(Bucket{static_cast<uint32_t>(hash), slot});
    ++size_;
  }

  template <typename KeyOf>
  bool Erase(std::string_view key, uint64_t hash, const KeyOf& key_of) {
    uint32_t h = static_cast<uint32_t>(hash);
    size_t mask = buckets_.size() - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
      const Bucket& b = buckets_[i];
      if (b.slot == kNone) return false;
      if (b.hash == h && key_of(b.slot) == key) break;
    }
    // Backward shift: pull later entries of the cluster into the hole when
    // their home position allows it.
    size_t hole = i;
    for (size_t j = (i + 1) & mask;; j = (j + 1) & mask) {
      Bucket& b = buckets_[j];
      if (b.slot == kNone) break;
      size_t home = b.hash & mask;
      bool movable = (hole <= j) ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        buckets_[hole] = b;
        hole = j;
      }
    }
    buckets_[hole] = Bucket{0, kNone};
    --size_;
    return true;
  }

  size_t size() const { return size_; }
  size_t bucket_count() const { return buckets_.size(); }
  void Clear() {
    buckets_.assign(16, Bucket{0, kNone});
    size_ = 0;
  }

 private:
  struct Bucket {
    uint32_t hash;
    uint32_t slot;
  };
  void Place(Bucket nb) {
    size_t mask = buckets_.size() - 1;
    for (size_t i = nb.hash & mask;; i = (i + 1) & mask) {
      if (buckets_[i].slot == kNone) {
        buckets_[i] = nb;
        return;
      }
    }
  }
  void Grow() {
    std::vector<Bucket> old;
    old.swap(buckets_);
    buckets_.assign(old.size() * 2, Bucket{0, kNone});
    for (const Bucket& b : old)
      if (b.slot != kNone) Place(b);
  }

  std::vector<Bucket> buckets_;
  size_t size_ = 0;
};

}  // namespace cachelab
