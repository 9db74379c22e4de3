#include "strategies/partitioners/partitioner.h"

#include <charconv>
#include <stdexcept>

namespace cachelab {

void Partitioner::AddNode(const NodeSpec& node) {
  for (const NodeSpec& n : nodes_) {
    if (n.Label() == node.Label()) throw std::invalid_argument("node " + node.Label() + " already present");
  }
  nodes_.push_back(node);
  Rebuild();
}

void Partitioner::RemoveNode(std::size_t index) {
  if (index >= nodes_.size()) throw std::out_of_range("RemoveNode: no node " + std::to_string(index));
  nodes_.erase(nodes_.begin() + static_cast<std::ptrdiff_t>(index));
  Rebuild();
}

std::size_t Partitioner::DoLookupInt(std::uint64_t key) const {
  char buf[20];  // the decimal string, without allocating
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, key);
  return DoLookup(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

}  // namespace cachelab
