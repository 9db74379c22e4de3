#include "strategies/partitioners/rendezvous_partitioner.h"

#include <cmath>

#include "strategies/partitioners/hash.h"

namespace cachelab {

RendezvousPartitioner::RendezvousPartitioner(std::vector<NodeSpec> nodes) : Partitioner(std::move(nodes)) {
  Rebuild();
}

void RendezvousPartitioner::Rebuild() {
  seeds_.clear();
  uniform_weights_ = true;
  for (const NodeSpec& n : nodes_) {
    seeds_.push_back(Hash64(n.Label(), 0x5eed));
    uniform_weights_ = uniform_weights_ && n.weight == nodes_.front().weight;
  }
}

std::size_t RendezvousPartitioner::DoLookup(std::string_view key) const {
  const std::uint64_t h = Hash64(key);
  std::size_t best = 0;
  if (uniform_weights_) {
    std::uint64_t best_score = 0;
    for (std::size_t i = 0; i < seeds_.size(); ++i) {
      const std::uint64_t score = Mix64(h ^ seeds_[i]);
      if (score > best_score || i == 0) best_score = score, best = i;
    }
    return best;
  }
  double best_score = -1;
  for (std::size_t i = 0; i < seeds_.size(); ++i) {
    // 53 random bits -> u in (0, 1); -w/ln(u) is positive.
    const double u = (static_cast<double>(Mix64(h ^ seeds_[i]) >> 11) + 0.5) * 0x1.0p-53;
    const double score = -static_cast<double>(nodes_[i].weight) / std::log(u);
    if (score > best_score) best_score = score, best = i;
  }
  return best;
}

}  // namespace cachelab
