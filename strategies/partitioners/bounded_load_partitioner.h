// Consistent hashing with bounded loads (Mirrokni, Thorup, Zadimoghaddam,
// SODA 2018): a ring whose nodes have a capacity of ceil((1+eps) * m / n)
// keys (m = keys placed, the new one included; weighted: (1+eps)*m*w_i/W);
// a key goes to the first node clockwise from its hash that is below
// capacity. Loads are state, so this is an assigner: Assign() places and
// counts a key, Release() forgets it, Lookup() tells where a key is (or
// would go, without counting it). A membership change re-places every
// assigned key in assignment order. Release() does not move other keys, so
// after releases loads may exceed the new, lower capacity until they are
// re-placed (the paper's departure handling is not modelled).
#pragma once
#include <string>
#include <unordered_map>

#include "strategies/partitioners/continuum.h"
#include "strategies/partitioners/partitioner.h"

namespace cachelab {

class BoundedLoadPartitioner : public Partitioner {
 public:
  BoundedLoadPartitioner(std::vector<NodeSpec> nodes, std::uint32_t vnodes, double epsilon);
  std::string_view Name() const override { return "bounded-load"; }

  std::size_t Assign(std::string_view key);
  void Release(std::string_view key);
  const std::vector<std::uint64_t>& Loads() const { return loads_; }
  std::size_t Assigned() const { return assigned_.size(); }
  // Capacity of node `node` once the cluster holds `keys` keys.
  std::uint64_t Capacity(std::size_t node, std::uint64_t keys) const;
  double epsilon() const { return epsilon_; }

 protected:
  void Rebuild() override;
  std::size_t DoLookup(std::string_view key) const override;

 private:
  struct Placement {
    std::uint32_t node;
    std::uint64_t seq;  // assignment order, replayed by Rebuild
  };
  std::size_t Place(std::string_view key, std::uint64_t keys) const;

  std::uint32_t vnodes_;
  double epsilon_;
  std::uint64_t total_weight_ = 0;
  std::uint64_t next_seq_ = 0;
  Continuum continuum_;
  std::vector<std::uint64_t> loads_;
  std::unordered_map<std::string, Placement> assigned_;
};

}  // namespace cachelab
