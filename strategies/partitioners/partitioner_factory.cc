// Name -> partitioner. The one place that knows every scheme.
#include <stdexcept>

#include "strategies/partitioners/bounded_load_partitioner.h"
#include "strategies/partitioners/jump_partitioner.h"
#include "strategies/partitioners/ketama_partitioner.h"
#include "strategies/partitioners/maglev_partitioner.h"
#include "strategies/partitioners/modulo_partitioner.h"
#include "strategies/partitioners/partitioner.h"
#include "strategies/partitioners/rendezvous_partitioner.h"
#include "strategies/partitioners/ring_partitioner.h"

namespace cachelab {

const std::vector<std::string>& PartitionerNames() {
  static const std::vector<std::string> names = {"ring",   "ketama",       "jump",  "rendezvous",
                                                 "maglev", "bounded-load", "modulo"};
  return names;
}

std::unique_ptr<Partitioner> MakePartitioner(std::string_view name, std::vector<NodeSpec> nodes,
                                             const PartitionerOptions& options) {
  if (name == "ring") return std::make_unique<RingPartitioner>(std::move(nodes), options.vnodes);
  if (name == "ketama") return std::make_unique<KetamaPartitioner>(std::move(nodes), options.ketama_format);
  if (name == "jump") return std::make_unique<JumpPartitioner>(std::move(nodes));
  if (name == "rendezvous") return std::make_unique<RendezvousPartitioner>(std::move(nodes));
  if (name == "maglev") return std::make_unique<MaglevPartitioner>(std::move(nodes), options.maglev_table_size);
  if (name == "bounded-load") {
    return std::make_unique<BoundedLoadPartitioner>(std::move(nodes), options.vnodes, options.epsilon);
  }
  if (name == "modulo") return std::make_unique<ModuloPartitioner>(std::move(nodes));
  std::string known;
  for (const std::string& n : PartitionerNames()) known += (known.empty() ? "" : ", ") + n;
  throw std::invalid_argument("unknown partitioner '" + std::string(name) + "' (known: " + known + ")");
}

KetamaFormat ParseKetamaFormat(std::string_view name) {
  if (name == "libmemcached") return KetamaFormat::kLibmemcached;
  if (name == "libketama") return KetamaFormat::kLibketama;
  if (name == "spymemcached") return KetamaFormat::kSpymemcached;
  if (name == "libmemcached-spy") return KetamaFormat::kLibmemcachedSpy;
  throw std::invalid_argument("unknown ketama format '" + std::string(name) +
                              "' (known: libmemcached, libketama, spymemcached, libmemcached-spy)");
}

}  // namespace cachelab
