#include "strategies/partitioners/ketama_partitioner.h"

#include <cmath>

namespace cachelab {

std::string KetamaPartitioner::PointLabel(const NodeSpec& node, KetamaFormat format, std::uint32_t i) {
  const std::string suffix = "-" + std::to_string(i);
  switch (format) {
    case KetamaFormat::kLibmemcached:
      return node.port == 11211 ? node.host + suffix : node.Label() + suffix;
    case KetamaFormat::kLibmemcachedSpy:
      return "/" + node.Label() + suffix;
    case KetamaFormat::kLibketama:
    case KetamaFormat::kSpymemcached:
      break;
  }
  return node.Label() + suffix;
}

std::uint32_t KetamaPartitioner::DigestCount(KetamaFormat format, std::uint32_t weight,
                                             std::uint64_t total_weight, std::size_t servers) {
  // The casts mirror the C sources: the float rounding decides edge cases
  // (e.g. libketama with 7 equal servers gets 40 digests, double math gives 39).
  const float pct = static_cast<float>(weight) / static_cast<float>(total_weight);
  if (format == KetamaFormat::kLibketama) {
    // ketama.c: floorf( pct * 40.0 * (float)numservers ) -- a double product.
    const double ks = static_cast<double>(pct) * 40.0 * static_cast<double>(static_cast<float>(servers));
    return static_cast<std::uint32_t>(std::floor(static_cast<float>(ks)));
  }
  // libmemcached hosts.cc: floor((float)(pct * 160 / 4 * (float)live + 0.0000000001F)) * 4.
  const float x = pct * 160.0f / 4.0f * static_cast<float>(servers) + 0.0000000001f;
  return static_cast<std::uint32_t>(std::floor(x));
}

KetamaPartitioner::KetamaPartitioner(std::vector<NodeSpec> nodes, KetamaFormat format)
    : Partitioner(std::move(nodes)), format_(format) {
  Rebuild();
}

void KetamaPartitioner::Rebuild() {
  std::uint64_t total = 0;
  for (const NodeSpec& n : nodes_) total += n.weight;
  std::vector<Continuum::Point> points;
  points.reserve(nodes_.size() * 160);
  for (std::size_t s = 0; s < nodes_.size(); ++s) {
    const std::uint32_t digests = DigestCount(format_, nodes_[s].weight, total, nodes_.size());
    for (std::uint32_t i = 0; i < digests; ++i) {
      const Md5Digest d = Md5(PointLabel(nodes_[s], format_, i));
      for (int w = 0; w < 4; ++w) points.push_back({DigestWordLe(d, w), static_cast<std::uint32_t>(s)});
    }
  }
  continuum_.Assign(std::move(points));
}

}  // namespace cachelab
