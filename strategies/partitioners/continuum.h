// A sorted circle of 32-bit points, each owned by a node: the data structure
// behind ring, ketama and bounded-load. A key goes to the first point >= its
// hash, wrapping to point 0. Find() is a binary search narrowed by a prefix
// index (top bits of the hash -> first candidate), so a lookup touches one
// index slot and a handful of points instead of ~log2(points) cache lines.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cachelab {

class Continuum {
 public:
  struct Point {
    std::uint32_t value;
    std::uint32_t owner;
  };

  // Sorts by (value, owner): equal points go to the lower node index, as
  // libmemcached's continuum_item_cmp does.
  void Assign(std::vector<Point> points);

  std::size_t size() const { return values_.size(); }
  bool empty() const { return values_.empty(); }
  // Position of the first point >= hash (wrapping); requires !empty().
  std::size_t Find(std::uint32_t hash) const {
    const std::uint32_t bucket = hash >> shift_;
    const std::uint32_t* lo = values_.data() + index_[bucket];
    const std::uint32_t* hi = values_.data() + index_[bucket + 1];
    while (lo < hi) {  // lower_bound, usually over 0-3 points
      const std::uint32_t* mid = lo + (hi - lo) / 2;
      if (*mid < hash) lo = mid + 1; else hi = mid;
    }
    const std::size_t pos = static_cast<std::size_t>(lo - values_.data());
    return pos == values_.size() ? 0 : pos;
  }
  std::uint32_t Owner(std::size_t pos) const { return owners_[pos]; }
  std::uint32_t Value(std::size_t pos) const { return values_[pos]; }
  std::uint32_t OwnerOf(std::uint32_t hash) const { return owners_[Find(hash)]; }

 private:
  std::vector<std::uint32_t> values_;
  std::vector<std::uint32_t> owners_;
  std::vector<std::uint32_t> index_{0, 0};  // bucket -> first position with that prefix
  unsigned shift_ = 32 - 1;
};

}  // namespace cachelab
