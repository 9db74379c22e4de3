#include "strategies/partitioners/jump_partitioner.h"

#include <stdexcept>

#include "strategies/partitioners/hash.h"

namespace cachelab {

std::size_t JumpPartitioner::DoLookup(std::string_view key) const { return DoLookupInt(Hash64(key)); }

void JumpPartitioner::RemoveNode(std::size_t index) {
  if (index >= nodes_.size()) throw std::out_of_range("RemoveNode: no node " + std::to_string(index));
  nodes_[index] = nodes_.back();
  nodes_.pop_back();
}

}  // namespace cachelab
