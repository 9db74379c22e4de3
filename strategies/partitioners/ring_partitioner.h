// Consistent-hash ring with virtual nodes: node i of weight w gets
// vnodes*w points at MD5("host:port:j") (first 4 digest bytes, little-endian).
// Keys are hashed with the fast Hash64, not MD5: the ring's balance comes
// from the points, and key hashing dominates lookup cost otherwise.
#pragma once
#include "strategies/partitioners/continuum.h"
#include "strategies/partitioners/hash.h"
#include "strategies/partitioners/partitioner.h"

namespace cachelab {

class RingPartitioner : public Partitioner {
 public:
  RingPartitioner(std::vector<NodeSpec> nodes, std::uint32_t vnodes);
  std::string_view Name() const override { return "ring"; }

  static std::uint32_t KeyHash(std::string_view key) {
    return static_cast<std::uint32_t>(Hash64(key) >> 32);
  }
  // Lookup by an already computed KeyHash (no hashing in the hot path).
  std::size_t LookupHash(std::uint32_t hash) const { return continuum_.OwnerOf(hash); }
  const Continuum& continuum() const { return continuum_; }

 protected:
  void Rebuild() override;
  std::size_t DoLookup(std::string_view key) const override { return LookupHash(KeyHash(key)); }

 private:
  std::uint32_t vnodes_;
  Continuum continuum_;
};

// The ring's points for `nodes`, shared with bounded-load.
std::vector<Continuum::Point> RingPoints(const std::vector<NodeSpec>& nodes, std::uint32_t vnodes);

}  // namespace cachelab
