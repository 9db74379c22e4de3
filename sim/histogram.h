// Log-bucket histogram of non-negative integers (HdrHistogram's layout): values
// below 128 are exact; above, each power of two splits into 128 buckets, so a
// bucket's midpoint is within 1/256 (0.4%) of any value in it. Fixed 58 KiB.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

namespace cachelab {

class Histogram {
 public:
  static constexpr int kSubBits = 7;
  static constexpr int kSub = 1 << kSubBits;
  static constexpr int kBuckets = (64 - kSubBits + 1) * kSub;

  Histogram() : counts_(kBuckets, 0) {}

  static int IndexOf(uint64_t v) {
    if (v < kSub) return static_cast<int>(v);
    int msb = 63 - __builtin_clzll(v);
    int shift = msb - kSubBits;
    return (shift + 1) * kSub + static_cast<int>((v >> shift) - kSub);
  }
  static uint64_t LowerBound(int index) {
    if (index < kSub) return index;
    int shift = index / kSub - 1;
    return static_cast<uint64_t>(kSub + index % kSub) << shift;
  }
  static uint64_t UpperBound(int index) {  // exclusive
    if (index < kSub) return index + 1;
    int shift = index / kSub - 1;
    return static_cast<uint64_t>(kSub + index % kSub + 1) << shift;
  }

  // One value: the same sums as Record(v, 1) (x * 1.0 == x), without
  // converting and multiplying the count (a branchy uint64 -> double each).
  void Record(uint64_t v) {
    ++counts_[IndexOf(v)];
    ++total_;
    sum_ += static_cast<double>(v);
    if (v < min_) min_ = v;
    if (v > max_) max_ = v;
  }
  void Record(uint64_t v, uint64_t count) {
    counts_[IndexOf(v)] += count;
    total_ += count;
    sum_ += static_cast<double>(v) * count;
    if (v < min_) min_ = v;
    if (v > max_) max_ = v;
  }
  void Merge(const Histogram& o);
  void Clear();

  uint64_t count() const { return total_; }
  uint64_t min() const { return total_ ? min_ : 0; }
  uint64_t max() const { return max_; }
  double mean() const { return total_ ? sum_ / total_ : 0; }
  // The q-quantile (0 < q <= 1): the midpoint of the bucket holding the value of
  // rank ceil(q * count), clamped to the exact min and max. 0 when empty.
  double Quantile(double q) const;
  // Non-empty buckets as (lower, upper, count), for storage and CDF plots.
  struct Bucket {
    uint64_t lower, upper, count;
  };
  std::vector<Bucket> NonEmpty() const;

 private:
  std::vector<uint64_t> counts_;
  uint64_t total_ = 0;
  double sum_ = 0;
  uint64_t min_ = UINT64_MAX;
  uint64_t max_ = 0;
};

}  // namespace cachelab
