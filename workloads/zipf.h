// Exact sampling from a Zipf(alpha) distribution over ranks 1..n:
// P(rank = i) = i^-alpha / H(n, alpha). Vose's alias method: O(n) set-up,
// O(1) per sample, exact up to double rounding. alpha = 0 is uniform.
#pragma once
#include <cstdint>
#include <vector>

#include "sim/rng.h"

namespace cachelab {

class ZipfSampler {
 public:
  ZipfSampler(uint64_t n, double alpha);
  // A rank in [0, n): 0 is the most popular.
  uint64_t Sample(Rng& rng) const {
    uint64_t i = rng.Below(n_);
    if (uniform_) return i;
    const Cell& c = cells_[i];
    return rng.Uniform() < c.prob ? i : c.alias;
  }
  // The exact probability of rank i (0-based), for tests and analysis.
  double Probability(uint64_t i) const;
  uint64_t n() const { return n_; }

 private:
  uint64_t n_;
  double alpha_;
  double norm_ = 0;
  bool uniform_;
  struct Cell {  // together, so a draw touches one cache line
    double prob;
    uint32_t alias;
  };
  std::vector<Cell> cells_;
};

}  // namespace cachelab
