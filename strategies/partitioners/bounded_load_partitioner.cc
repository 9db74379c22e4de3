#include "strategies/partitioners/bounded_load_partitioner.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "strategies/partitioners/hash.h"
#include "strategies/partitioners/ring_partitioner.h"

namespace cachelab {

BoundedLoadPartitioner::BoundedLoadPartitioner(std::vector<NodeSpec> nodes, std::uint32_t vnodes, double epsilon)
    : Partitioner(std::move(nodes)), vnodes_(vnodes), epsilon_(epsilon) {
  if (vnodes_ == 0) throw std::invalid_argument("bounded-load: vnodes must be >= 1");
  if (!(epsilon_ > 0)) throw std::invalid_argument("bounded-load: epsilon must be > 0");
  Rebuild();
}

std::uint64_t BoundedLoadPartitioner::Capacity(std::size_t node, std::uint64_t keys) const {
  const double share = static_cast<double>(nodes_[node].weight) / static_cast<double>(total_weight_);
  return static_cast<std::uint64_t>(std::ceil((1.0 + epsilon_) * static_cast<double>(keys) * share));
}

std::size_t BoundedLoadPartitioner::Place(std::string_view key, std::uint64_t keys) const {
  // Total capacity >= (1+eps)*keys > current load, so the walk always ends;
  // the bound guards against a logic error turning into a hang.
  std::size_t pos = continuum_.Find(RingPartitioner::KeyHash(key));
  for (std::size_t step = 0; step < continuum_.size(); ++step) {
    const std::uint32_t node = continuum_.Owner(pos);
    if (loads_[node] < Capacity(node, keys)) return node;
    pos = pos + 1 == continuum_.size() ? 0 : pos + 1;
  }
  throw std::logic_error("bounded-load: no node below capacity");
}

std::size_t BoundedLoadPartitioner::Assign(std::string_view key) {
  if (nodes_.empty()) return kNoNode;
  auto it = assigned_.find(std::string(key));
  if (it != assigned_.end()) return it->second.node;
  const std::size_t node = Place(key, assigned_.size() + 1);
  ++loads_[node];
  assigned_.emplace(std::string(key), Placement{static_cast<std::uint32_t>(node), next_seq_++});
  return node;
}

void BoundedLoadPartitioner::Release(std::string_view key) {
  auto it = assigned_.find(std::string(key));
  if (it == assigned_.end()) return;
  --loads_[it->second.node];
  assigned_.erase(it);
}

std::size_t BoundedLoadPartitioner::DoLookup(std::string_view key) const {
  auto it = assigned_.find(std::string(key));
  if (it != assigned_.end()) return it->second.node;
  return Place(key, assigned_.size() + 1);
}

void BoundedLoadPartitioner::Rebuild() {
  total_weight_ = 0;
  for (const NodeSpec& n : nodes_) total_weight_ += n.weight;
  continuum_.Assign(RingPoints(nodes_, vnodes_));
  loads_.assign(nodes_.size(), 0);
  if (nodes_.empty()) {
    assigned_.clear();
    return;
  }
  std::vector<std::pair<const std::string, Placement>*> order;
  for (auto& entry : assigned_) order.push_back(&entry);
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->second.seq < b->second.seq; });
  std::uint64_t placed = 0;
  for (auto* entry : order) {
    const std::size_t node = Place(entry->first, ++placed);
    entry->second.node = static_cast<std::uint32_t>(node);
    ++loads_[node];
  }
}

}  // namespace cachelab
