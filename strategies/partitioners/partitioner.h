// Client-side partitioning: which cache node owns a key. Every scheme keeps
// the node list (with weights) and answers Lookup(key) with an index into
// Nodes(); AddNode/RemoveNode model membership changes, after which indices
// refer to the new list (compare nodes by Label() across a change).
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strategies/partitioners/node_spec.h"

namespace cachelab {

// Node-string families of the ketama clients (see ketama_partitioner.h).
enum class KetamaFormat { kLibmemcached, kLibketama, kSpymemcached, kLibmemcachedSpy };

struct PartitionerOptions {
  std::uint32_t vnodes = 100;               // ring, bounded-load: points per unit weight
  KetamaFormat ketama_format = KetamaFormat::kLibmemcached;
  std::uint64_t maglev_table_size = 65537;  // must be prime and > node count
  double epsilon = 0.25;                    // bounded-load: capacity (1+eps)*average
};

class Partitioner {
 public:
  static constexpr std::size_t kNoNode = std::numeric_limits<std::size_t>::max();

  virtual ~Partitioner() = default;
  virtual std::string_view Name() const = 0;

  const std::vector<NodeSpec>& Nodes() const { return nodes_; }
  // kNoNode when there are no nodes.
  std::size_t Lookup(std::string_view key) const { return nodes_.empty() ? kNoNode : DoLookup(key); }
  // Integer keys: jump uses them as is; the others hash the decimal string,
  // so Lookup(42) == Lookup("42") for them.
  std::size_t Lookup(std::uint64_t key) const { return nodes_.empty() ? kNoNode : DoLookupInt(key); }

  virtual void AddNode(const NodeSpec& node);
  virtual void RemoveNode(std::size_t index);

 protected:
  explicit Partitioner(std::vector<NodeSpec> nodes) : nodes_(std::move(nodes)) {}
  // Called after construction and after every membership change.
  virtual void Rebuild() = 0;
  virtual std::size_t DoLookup(std::string_view key) const = 0;
  virtual std::size_t DoLookupInt(std::uint64_t key) const;

  std::vector<NodeSpec> nodes_;
};

// Names accepted by MakePartitioner, in a stable order.
const std::vector<std::string>& PartitionerNames();
// Throws std::invalid_argument for an unknown name or bad options.
std::unique_ptr<Partitioner> MakePartitioner(std::string_view name, std::vector<NodeSpec> nodes,
                                             const PartitionerOptions& options = {});
// "libmemcached", "libketama", "spymemcached", "libmemcached-spy".
KetamaFormat ParseKetamaFormat(std::string_view name);

}  // namespace cachelab
