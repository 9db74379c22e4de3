// Draws values from the distribution a log-bucket Histogram recorded: picks a
// bucket with its recorded probability, then a value uniformly inside it (so
// values below 128 are exact and larger ones within the bucket's 0.8%).
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/histogram.h"
#include "sim/rng.h"

namespace cachelab {

class EmpiricalSampler {
 public:
  EmpiricalSampler() = default;
  explicit EmpiricalSampler(const Histogram& h) : buckets_(h.NonEmpty()) {
    uint64_t sum = 0;
    for (const auto& b : buckets_) cumulative_.push_back(sum += b.count);
  }
  bool empty() const { return buckets_.empty(); }
  uint64_t Sample(Rng& rng) const {
    if (buckets_.empty()) return 0;
    uint64_t pick = rng.Below(cumulative_.back());
    size_t i = std::upper_bound(cumulative_.begin(), cumulative_.end(), pick) - cumulative_.begin();
    const auto& b = buckets_[i];
    return b.lower + rng.Below(b.upper - b.lower);
  }

 private:
  std::vector<Histogram::Bucket> buckets_;
  std::vector<uint64_t> cumulative_;
};

}  // namespace cachelab
