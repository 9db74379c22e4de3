// Writes a synthetic oracleGeneral trace (libCacheSim's 24-byte records) for
// bench/replay_vs_libcachesim.sh: N requests over K objects, Zipf(alpha)
// popularity, 4 KiB objects, one request per microsecond of trace time, no
// next-access field (-1). Deterministic for a seed. Ids are 1..K, or with
// `hashed` those numbers through a 64-bit bijective mix (splitmix64's
// finaliser), as traces with hashed keys have them (replay then numbers them
// through its hash map, not its array by id: eviction/dense_ids.h).
//   make_zipf_trace OUT N K ALPHA [SEED [hashed]]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "workloads/zipf.h"

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s OUT N K ALPHA [SEED [hashed]]\n", argv[0]);
    return 2;
  }
  const uint64_t n = std::strtoull(argv[2], nullptr, 10), k = std::strtoull(argv[3], nullptr, 10);
  const double alpha = std::strtod(argv[4], nullptr);
  const bool hashed = argc > 6 && std::string(argv[6]) == "hashed";
  auto id_of = [hashed](uint64_t x) {
    if (!hashed) return x;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  };
  cachelab::Rng rng(argc > 5 ? std::strtoull(argv[5], nullptr, 10) : 1, "zipf-trace");
  cachelab::ZipfSampler zipf(k, alpha);
  FILE* f = std::fopen(argv[1], "wb");
  if (!f) {
    std::perror(argv[1]);
    return 1;
  }
  std::vector<unsigned char> buf;
  buf.reserve(24 << 16);
  auto put = [&](uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) buf.push_back(static_cast<unsigned char>(v >> (8 * i)));
  };
  for (uint64_t i = 0; i < n; ++i) {
    put(i / 1000000, 4);               // time, s
    put(id_of(zipf.Sample(rng) + 1), 8);  // object id (ids from 1)
    put(4096, 4);                      // size
    put(~uint64_t{0}, 8);              // next access: -1
    if (buf.size() >= (24u << 16)) {
      std::fwrite(buf.data(), 1, buf.size(), f);
      buf.clear();
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), f);
  return std::fclose(f) == 0 ? 0 : 1;
}
