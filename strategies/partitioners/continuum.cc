#include "strategies/partitioners/continuum.h"

#include <algorithm>
#include <bit>

namespace cachelab {

void Continuum::Assign(std::vector<Point> points) {
  std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
    return a.value != b.value ? a.value < b.value : a.owner < b.owner;
  });
  values_.resize(points.size());
  owners_.resize(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    values_[i] = points[i].value;
    owners_[i] = points[i].owner;
  }
  // About one point per bucket: 2^bits >= points, at least 2 buckets, at most 2^20.
  const unsigned bits = std::clamp<unsigned>(std::bit_width(points.size()), 1, 20);
  shift_ = 32 - bits;
  const std::size_t buckets = std::size_t{1} << bits;
  index_.assign(buckets + 1, static_cast<std::uint32_t>(values_.size()));
  std::size_t pos = 0;
  for (std::size_t b = 0; b < buckets; ++b) {
    const std::uint64_t start = static_cast<std::uint64_t>(b) << shift_;
    while (pos < values_.size() && values_[pos] < start) ++pos;
    index_[b] = static_cast<std::uint32_t>(pos);
  }
}

}  // namespace cachelab
