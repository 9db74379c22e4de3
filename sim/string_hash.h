// A fast, seedless 64-bit string hash for in-memory tables (not for anything
// that must match an external system).
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace cachelab {

inline uint64_t HashBytes(std::string_view s) {
  const uint64_t m = 0x9e3779b97f4a7c15ULL;
  uint64_t h = 0x243f6a8885a308d3ULL ^ (s.size() * m);
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * m;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  if (n) std::memcpy(&w, p, n);  // an empty name may come with no data pointer: memcpy's null is UB
  h = (h ^ w) * m;
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ULL;
  h ^= h >> 32;
  return h;
}

}  // namespace cachelab
