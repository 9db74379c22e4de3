// Rendezvous (highest random weight) hashing: each node scores the key and
// the highest score wins, so a membership change only moves the keys whose
// winner joined or left. Weighted nodes use the logarithmic method
// (score = -w / ln(u), u uniform in (0,1)), which gives node i a share
// w_i / sum(w) of the keys. O(n) per lookup.
#pragma once
#include "strategies/partitioners/partitioner.h"

namespace cachelab {

class RendezvousPartitioner : public Partitioner {
 public:
  explicit RendezvousPartitioner(std::vector<NodeSpec> nodes);
  std::string_view Name() const override { return "rendezvous"; }

 protected:
  void Rebuild() override;
  std::size_t DoLookup(std::string_view key) const override;

 private:
  std::vector<std::uint64_t> seeds_;  // per-node hash of the label
  bool uniform_weights_ = true;        // then raw 64-bit scores suffice (no log)
};

}  // namespace cachelab
