// hash(key) mod n: the naive baseline. Perfectly balanced, but a change of n
// moves about n/(n+1) of the keys. Weights are ignored.
#pragma once
#include "strategies/partitioners/hash.h"
#include "strategies/partitioners/partitioner.h"

namespace cachelab {

class ModuloPartitioner : public Partitioner {
 public:
  explicit ModuloPartitioner(std::vector<NodeSpec> nodes) : Partitioner(std::move(nodes)) {}
  std::string_view Name() const override { return "modulo"; }

 protected:
  void Rebuild() override {}
  std::size_t DoLookup(std::string_view key) const override { return Hash64(key) % nodes_.size(); }
};

}  // namespace cachelab
