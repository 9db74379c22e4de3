#include "workloads/zipf.h"

#include <cmath>
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
  cells_.resize(n);
  std::vector<double> scaled(n);
  std::vector<uint32_t> small, large;
  for (uint64_t i = 0; i < n; ++i) {
    scaled[i] = Probability(i) * static_cast<double>(n);
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    uint32_t s = small.back(), l = large.back();
    small.pop_back();
    cells_[s] = Cell{ToThreshold(scaled[s]), l};
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  for (uint32_t i : large) {
    cells_[i] = Cell{UINT32_MAX, i};
  }
  for (uint32_t i : small) {  // rounding leftovers
    cells_[i] = Cell{UINT32_MAX, i};
  }
}

double ZipfSampler::Probability(uint64_t i) const {
  return std::pow(static_cast<double>(i + 1), -alpha_) / norm_;
}

}  // namespace cachelab
