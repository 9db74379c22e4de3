// Maglev hashing (Eisenbud et al., NSDI 2016, section 3.4): every node walks
// its own permutation of the M table slots (offset + j*skip mod M, M prime)
// and the nodes take turns claiming their next free slot until the table is
// full; a key goes to table[hash mod M]. Near-perfect balance, O(1) lookup,
// slightly more than minimal movement on membership change. Weighted nodes
// take turns in proportion to their weight (credit of w/max_w per round).
#pragma once
#include <string>

#include "strategies/partitioners/partitioner.h"

namespace cachelab {

class MaglevPartitioner : public Partitioner {
 public:
  MaglevPartitioner(std::vector<NodeSpec> nodes, std::uint64_t table_size);
  std::string_view Name() const override { return "maglev"; }

  struct Permutation {
    std::uint64_t offset;
    std::uint64_t skip;  // 1..M-1
    std::uint32_t weight;
  };
  // The paper's Pseudocode 1 (plus weights); entry j = owning node index.
  static std::vector<std::uint32_t> Populate(const std::vector<Permutation>& perms, std::uint64_t table_size);
  const std::vector<std::uint32_t>& table() const { return table_; }

 protected:
  void Rebuild() override;
  std::size_t DoLookup(std::string_view key) const override;

 private:
  std::uint64_t table_size_;
  std::vector<std::uint32_t> table_;
};

bool IsPrime(std::uint64_t n);
// Why `table_size` cannot size a maglev table, or "" when it can: the constructor's
// rule, for callers that name their own flag ("must be a prime below 2^32, got 100").
std::string MaglevTableSizeError(std::uint64_t table_size);

}  // namespace cachelab
