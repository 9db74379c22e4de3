#include "strategies/harness.h"

#include <charconv>

namespace cachelab {

std::string CacheKey(uint64_t key) {
  char buf[24] = {'k', ':'};
  auto [p, ec] = std::to_chars(buf + 2, buf + sizeof buf, key);
  return std::string(buf, p);
}

Blob VersionedValue(uint64_t version, uint32_t size) {
  char buf[24] = {'v'};
  auto [p, ec] = std::to_chars(buf + 1, buf + sizeof buf, version);
  Blob b{std::string(buf, p), 0};
  if (size > b.data.size()) b.pad = static_cast<uint32_t>(size - b.data.size());
  return b;
}

uint64_t VersionOf(const Blob& value) {
  if (value.data.size() < 2 || value.data[0] != 'v') return 0;
  uint64_t v = 0;
  std::from_chars(value.data.data() + 1, value.data.data() + value.data.size(), v);
  return v;
}

}  // namespace cachelab
