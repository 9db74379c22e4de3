// Little-endian loads from unaligned bytes (binary trace records).
#pragma once
#include <bit>
#include <cstring>

namespace cachelab {

template <typename T>
inline T LoadLe(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) {
    T r = 0;
    for (size_t i = 0; i < sizeof v; ++i)
      r = static_cast<T>((r << 8) | static_cast<unsigned char>(p[sizeof v - 1 - i]));
    v = r;
  }
  return v;
}

}  // namespace cachelab
