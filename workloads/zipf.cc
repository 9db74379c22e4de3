#include "workloads/zipf.h"

#include <cmath>
#include <cstring>
#include <stdexcept>

namespace cachelab {
namespace {

uint32_t ToThreshold(double p) {
  double t = std::round(p * 4294967296.0);
  return t >= 4294967295.0 ? UINT32_MAX : static_cast<uint32_t>(t);
}

}  // namespace

ZipfSampler::ZipfSampler(uint64_t n, double alpha) : n_(n), alpha_(alpha), uniform_(alpha == 0) {
  if (n == 0) throw std::invalid_argument("Zipf keyspace must be > 0");
  if (n > UINT32_MAX) throw std::invalid_argument("Zipf keyspace too large for the alias table");
  if (alpha < 0) throw std::invalid_argument("Zipf alpha must be >= 0");
  // Sum smallest terms first for accuracy.
  for (uint64_t i = n; i >= 1; --i) norm_ += std::pow(static_cast<double>(i), -alpha);
  if (uniform_) return;
  // Vose's alias method with two memory savings (the table is the same): an
  // index's scaled probability is last read when its cell is written, so the
  // doubles live in the cells' own storage; and the small and large stacks
  // share one array of n ids (small grows up from 0, large down from n; they
  // hold at most n ids together). Peak: 12 bytes a key instead of 20-28.
  static_assert(sizeof(Cell) == sizeof(double));
  cells_.resize(n);
  auto scaled_at = [this](uint64_t i) -> double {
    double d;
    std::memcpy(&d, &cells_[i], sizeof d);
    return d;
  };
  auto set_scaled = [this](uint64_t i, double d) { std::memcpy(&cells_[i], &d, sizeof d); };
  std::vector<uint32_t> stacks(n);
  size_t small = 0, large = n;  // small: stacks[0, small); large: stacks[large, n), top at `large`
  for (uint64_t i = 0; i < n; ++i) {
    double d = Probability(i) * static_cast<double>(n);
    set_scaled(i, d);
    if (d < 1.0) stacks[small++] = static_cast<uint32_t>(i);
    else stacks[--large] = static_cast<uint32_t>(i);
  }
  while (small > 0 && large < n) {
    uint32_t s = stacks[--small], l = stacks[large];
    double ds = scaled_at(s);
    double dl = (scaled_at(l) + ds) - 1.0;
    cells_[s] = Cell{ToThreshold(ds), l};
    set_scaled(l, dl);
    if (dl < 1.0) {
      ++large;
      stacks[small++] = l;
    }
  }
  for (size_t j = large; j < n; ++j) cells_[stacks[j]] = Cell{UINT32_MAX, stacks[j]};
  for (size_t j = 0; j < small; ++j) cells_[stacks[j]] = Cell{UINT32_MAX, stacks[j]};
}

double ZipfSampler::Probability(uint64_t i) const {
  return std::pow(static_cast<double>(i + 1), -alpha_) / norm_;
}

}  // namespace cachelab
