#include "strategies/partitioners/ring_partitioner.h"

#include <stdexcept>

namespace cachelab {

std::vector<Continuum::Point> RingPoints(const std::vector<NodeSpec>& nodes, std::uint32_t vnodes) {
  std::vector<Continuum::Point> points;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const std::string prefix = nodes[i].Label() + ":";
    const std::uint64_t count = std::uint64_t{vnodes} * nodes[i].weight;
    for (std::uint64_t j = 0; j < count; ++j) {
      const std::uint32_t value = DigestWordLe(Md5(prefix + std::to_string(j)), 0);
      points.push_back({value, static_cast<std::uint32_t>(i)});
    }
  }
  return points;
}

RingPartitioner::RingPartitioner(std::vector<NodeSpec> nodes, std::uint32_t vnodes)
    : Partitioner(std::move(nodes)), vnodes_(vnodes) {
  if (vnodes_ == 0) throw std::invalid_argument("ring: vnodes must be >= 1");
  Rebuild();
}

void RingPartitioner::Rebuild() { continuum_.Assign(RingPoints(nodes_, vnodes_)); }

}  // namespace cachelab
