// Exact sampling from a Zipf(alpha) distribution over ranks 1..n:
// P(rank = i) = i^-alpha / H(n, alpha). Vose's alias method: O(n) set-up,
// O(1) per sample, exact up to double rounding. alpha = 0 is uniform.
//
// The table is a function of (n, alpha) alone and never changes once built, so
// samplers share it: the last one built is kept, and a sampler of the same
// (n, alpha) takes it instead of building another (a run's parameter probe,
// lab/batch.cc, builds the run's table just before the run: at 10^7 keys that
// was half a second of set-up, twice). Thread-safe (workloads/memo.h).
#pragma once
#include <cstdint>
#include <memory>

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
    return static_cast<uint32_t>(rng.Next()) < c.threshold ? i : c.alias;
  }
  // Sample() in two steps, so a caller can draw ahead and prefetch the alias
  // cell before it needs the rank (same draws, same order, same ranks):
  // Draw() takes both random numbers, Resolve() reads the cell.
  struct Pending {
    uint64_t i;
    uint32_t r;
  };
  Pending Draw(Rng& rng) const {
    uint64_t i = rng.Below(n_);
    if (uniform_) return {i, 0};
    Pending p{i, static_cast<uint32_t>(rng.Next())};
    __builtin_prefetch(&cells_[i]);
    return p;
  }
  uint64_t Resolve(const Pending& p) const {
    if (uniform_) return p.i;
    const Cell& c = cells_[p.i];
    return p.r < c.threshold ? p.i : c.alias;
  }
  // The exact probability of rank i (0-based), for tests and analysis.
  double Probability(uint64_t i) const;
  // Probability(i) never increases with i (all equal when alpha is 0). For
  // 0 < alpha < 1e-5, i^-alpha falls by less than pow's rounding error
  // (< 1 ulp) between neighbours near 2^32, so the order is not certain there.
  bool ProbabilityNonIncreasing() const { return alpha_ == 0 || alpha_ >= 1e-5; }
  uint64_t n() const { return n_; }

 private:
  // 8 bytes, so a draw touches one cache line and 100,000 keys fit in L2.
  // threshold = round(prob * 2^32): a 2^-32 quantisation of each column's
  // split, far below anything a simulation could detect.
  struct Cell {
    uint32_t threshold;
    uint32_t alias;
  };
  struct Table {
    double norm = 0;
    std::unique_ptr<Cell[]> cells;  // none when alpha is 0
  };
  static std::shared_ptr<const Table> Build(uint64_t n, double alpha);
  static std::shared_ptr<const Table> Shared(uint64_t n, double alpha);

  uint64_t n_;
  double alpha_;
  bool uniform_;
  std::shared_ptr<const Table> table_;
  const Cell* cells_;  // table_->cells, read on every draw
};

}  // namespace cachelab
