// Hash functions shared by the partitioners. MD5 is what the ketama family
// and the ring's node labels are defined with; Hash64 is a fast, stable
// (platform-independent) key hash for the schemes that do not prescribe one.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace cachelab {

using Md5Digest = std::array<std::uint8_t, 16>;

Md5Digest Md5(std::string_view data);

// Little-endian 32-bit word `word` (0..3) of a digest: ketama's point layout.
inline std::uint32_t DigestWordLe(const Md5Digest& d, int word) {
  const int b = word * 4;
  return std::uint32_t{d[b]} | std::uint32_t{d[b + 1]} << 8 | std::uint32_t{d[b + 2]} << 16 |
         std::uint32_t{d[b + 3]} << 24;
}

// splitmix64's finalizer: a bijection that spreads every input bit.
inline std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// FNV-1a over the bytes, then Mix64 (FNV alone has weak high bits).
inline std::uint64_t Hash64(std::string_view data, std::uint64_t seed = 0) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ Mix64(seed);
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

}  // namespace cachelab
