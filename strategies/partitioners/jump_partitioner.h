// Jump consistent hash (Lamping & Veach 2014, arXiv:1406.2294): buckets
// 0..n-1, no memory, moves 1/(n+1) of the keys when a bucket is appended.
// It only grows and shrinks at the end, so RemoveNode(i) for i < n-1 moves
// the last node into slot i: its keys and node i's both move (~2/n).
// Weights are ignored.
#pragma once
#include "strategies/partitioners/partitioner.h"

namespace cachelab {

// The paper's reference code, bit for bit (the double division included).
inline std::int32_t JumpConsistentHash(std::uint64_t key, std::int32_t num_buckets) {
  std::int64_t b = -1, j = 0;
  while (j < num_buckets) {
    b = j;
    key = key * 2862933555777941757ULL + 1;
    j = static_cast<std::int64_t>(static_cast<double>(b + 1) *
                                  (static_cast<double>(1LL << 31) / static_cast<double>((key >> 33) + 1)));
  }
  return static_cast<std::int32_t>(b);
}

class JumpPartitioner : public Partitioner {
 public:
  explicit JumpPartitioner(std::vector<NodeSpec> nodes) : Partitioner(std::move(nodes)) {}
  std::string_view Name() const override { return "jump"; }
  void RemoveNode(std::size_t index) override;

 protected:
  void Rebuild() override {}
  std::size_t DoLookup(std::string_view key) const override;
  std::size_t DoLookupInt(std::uint64_t key) const override {
    return static_cast<std::size_t>(JumpConsistentHash(key, static_cast<std::int32_t>(nodes_.size())));
  }
};

}  // namespace cachelab
