// Ketama, bit-compatible with the libketama client family: per server,
// 40 (scaled by weight) MD5 digests of "<node>-<i>", each giving four
// little-endian 32-bit points; key hash = first 4 MD5 bytes little-endian;
// a key goes to the first point >= its hash, wrapping around.
//
// What differs between clients is the <node> string and the weight scaling:
//   kLibmemcached    "host-i" on port 11211, else "host:port-i"   (libmemcached,
//                    pylibmc, php-memcached with KETAMA_WEIGHTED)
//   kLibketama       "host:port-i", ks = floorf(pct * 40.0 * n)   (libketama)
//   kSpymemcached    "host:port-i" (spymemcached's SPYMEMCACHED key format)
//   kLibmemcachedSpy "/host:port-i" (libmemcached's KETAMA_SPY distribution,
//                    i.e. older spymemcached that kept InetSocketAddress's '/')
// All but kLibketama scale weights as libmemcached: floor(pct*160/4*n)*4 points.
#pragma once
#include "strategies/partitioners/continuum.h"
#include "strategies/partitioners/hash.h"
#include "strategies/partitioners/partitioner.h"

namespace cachelab {

class KetamaPartitioner : public Partitioner {
 public:
  KetamaPartitioner(std::vector<NodeSpec> nodes, KetamaFormat format);
  std::string_view Name() const override { return "ketama"; }

  static std::uint32_t KeyHash(std::string_view key) { return DigestWordLe(Md5(key), 0); }
  std::size_t LookupHash(std::uint32_t hash) const { return continuum_.OwnerOf(hash); }
  const Continuum& continuum() const { return continuum_; }

  // The "<node>-<i>" string hashed for a server's i-th digest.
  static std::string PointLabel(const NodeSpec& node, KetamaFormat format, std::uint32_t i);
  // Digests (not points) a server gets, replicating each client's float math.
  static std::uint32_t DigestCount(KetamaFormat format, std::uint32_t weight,
                                   std::uint64_t total_weight, std::size_t servers);

 protected:
  void Rebuild() override;
  std::size_t DoLookup(std::string_view key) const override { return LookupHash(KeyHash(key)); }

 private:
  KetamaFormat format_;
  Continuum continuum_;
};

}  // namespace cachelab
