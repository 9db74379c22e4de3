#include "strategies/partitioners/maglev_partitioner.h"

#include <algorithm>
#include <stdexcept>

#include "strategies/partitioners/hash.h"

namespace cachelab {

bool IsPrime(std::uint64_t n) {
  if (n < 2) return false;
  for (std::uint64_t d = 2; d * d <= n; ++d) {
    if (n % d == 0) return false;
  }
  return true;
}

MaglevPartitioner::MaglevPartitioner(std::vector<NodeSpec> nodes, std::uint64_t table_size)
    : Partitioner(std::move(nodes)), table_size_(table_size) {
  if (std::string why = MaglevTableSizeError(table_size_); !why.empty())
    throw std::invalid_argument("maglev: table size " + why);
  Rebuild();
}

std::string MaglevTableSizeError(std::uint64_t table_size) {
  // Primality makes every (offset, skip) walk a full permutation of the slots.
  if (IsPrime(table_size) && table_size <= (1ULL << 32)) return "";
  return "must be a prime below 2^32 (each node's walk of the table visits every slot), got " +
         std::to_string(table_size);
}

std::vector<std::uint32_t> MaglevPartitioner::Populate(const std::vector<Permutation>& perms,
                                                       std::uint64_t table_size) {
  constexpr std::uint32_t kEmpty = 0xffffffffu;
  std::vector<std::uint32_t> entry(table_size, kEmpty);
  if (perms.empty()) return entry;
  std::uint32_t max_weight = 0;
  for (const Permutation& p : perms) max_weight = std::max(max_weight, p.weight);
  std::vector<std::uint64_t> pos(perms.size());  // current candidate slot of each node
  std::vector<double> credit(perms.size(), 0.0);
  for (std::size_t i = 0; i < perms.size(); ++i) pos[i] = perms[i].offset % table_size;
  std::uint64_t filled = 0;
  while (true) {
    for (std::size_t i = 0; i < perms.size(); ++i) {
      credit[i] += static_cast<double>(perms[i].weight) / max_weight;
      if (credit[i] < 1.0) continue;
      credit[i] -= 1.0;
      while (entry[pos[i]] != kEmpty) pos[i] = (pos[i] + perms[i].skip) % table_size;
      entry[pos[i]] = static_cast<std::uint32_t>(i);
      if (++filled == table_size) return entry;
    }
  }
}

void MaglevPartitioner::Rebuild() {
  if (nodes_.size() >= table_size_) {
    throw std::invalid_argument("maglev: table size must exceed the node count");
  }
  std::vector<Permutation> perms;
  for (const NodeSpec& n : nodes_) {
    const std::string label = n.Label();
    perms.push_back({Hash64(label, 1) % table_size_, Hash64(label, 2) % (table_size_ - 1) + 1, n.weight});
  }
  table_ = Populate(perms, table_size_);
}

std::size_t MaglevPartitioner::DoLookup(std::string_view key) const { return table_[Hash64(key) % table_size_]; }

}  // namespace cachelab
