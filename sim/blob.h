// A cache value: a short payload (the lab stores the value's version there) and
// a count of padding bytes standing for the rest of its logical size, so a
// simulated 100 KB value costs memory accounting, not 100 KB of RAM. The live
// backend sends the payload followed by the padding for real.
#pragma once
#include <cstdint>
#include <string>

namespace cachelab {

struct Blob {
  std::string data;
  uint32_t pad = 0;

  size_t size() const { return data.size() + pad; }
  std::string Materialize() const { return pad ? data + std::string(pad, '.') : data; }
  bool operator==(const Blob& o) const { return data == o.data && pad == o.pad; }
};

}  // namespace cachelab
