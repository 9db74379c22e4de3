// Count-min sketch with 4 rows of saturating 4-bit-range counters (kept in
// bytes, capped at 15) and periodic halving ("aging", TinyLFU's reset after
// 10 x width increments), as W-TinyLFU uses to estimate popularity.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

namespace cachelab::eviction {

class CountMinSketch {
 public:
  explicit CountMinSketch(uint64_t expected_entries) {
    size_t w = 16;
    while (w < expected_entries && w < (size_t{1} << 24)) w *= 2;
    width_mask_ = w - 1;
    table_.assign(w * 4, 0);
    reset_at_ = 10 * w;
  }
  void Increment(uint64_t id) {
    for (int r = 0; r < 4; ++r) {
      uint8_t& c = table_[Index(id, r)];
      if (c < 15) ++c;
    }
    if (++additions_ >= reset_at_) {
      for (auto& c : table_) c >>= 1;
      additions_ /= 2;
    }
  }
  int Estimate(uint64_t id) const {
    int m = 15;
    for (int r = 0; r < 4; ++r) m = std::min<int>(m, table_[Index(id, r)]);
    return m;
  }

 private:
  size_t Index(uint64_t id, int row) const {
    static constexpr uint64_t kSeeds[4] = {0xc3a5c85c97cb3127ULL, 0xb492b66fbe98f273ULL, 0x9ae16a3b2f90404fULL,
                                           0xcbf29ce484222325ULL};
    uint64_t h = (id + kSeeds[row]) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 32;
    return (static_cast<size_t>(row) * (width_mask_ + 1)) + (h & width_mask_);
  }

  std::vector<uint8_t> table_;
  size_t width_mask_;
  uint64_t additions_ = 0, reset_at_;
};

}  // namespace cachelab::eviction
