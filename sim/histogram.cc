#include "sim/histogram.h"

#include <algorithm>
#include <cmath>

namespace cachelab {

void Histogram::Merge(const Histogram& o) {
  for (int i = 0; i < kBuckets; ++i) counts_[i] += o.counts_[i];
  total_ += o.total_;
  sum_ += o.sum_;
  min_ = std::min(min_, o.min_);
  max_ = std::max(max_, o.max_);
}

void Histogram::Clear() {
  if (total_ == 0) return;
  std::fill(counts_.begin(), counts_.end(), 0);
  total_ = 0;
  sum_ = 0;
  min_ = UINT64_MAX;
  max_ = 0;
}

double Histogram::Quantile(double q) const {
  if (total_ == 0) return 0;
  uint64_t rank = static_cast<uint64_t>(std::ceil(q * static_cast<double>(total_)));
  rank = std::clamp<uint64_t>(rank, 1, total_);
  uint64_t seen = 0;
  for (int i = 0; i < kBuckets; ++i) {
    seen += counts_[i];
    if (seen >= rank) {
      double mid = i < kSub ? static_cast<double>(i)
                            : (static_cast<double>(LowerBound(i)) + static_cast<double>(UpperBound(i) - 1)) / 2;
      return std::clamp(mid, static_cast<double>(min()), static_cast<double>(max_));
    }
  }
  return static_cast<double>(max_);
}

std::vector<Histogram::Bucket> Histogram::NonEmpty() const {
  std::vector<Bucket> out;
  for (int i = 0; i < kBuckets; ++i)
    if (counts_[i]) out.push_back({LowerBound(i), UpperBound(i), counts_[i]});
  return out;
}

}  // namespace cachelab
