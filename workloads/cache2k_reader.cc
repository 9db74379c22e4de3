#include "workloads/cache2k_reader.h"

namespace cachelab {

bool Cache2kReader::Read(Request* out) {
  const char* r;
  size_t got = in_.NextRecord(4, &r);
  if (got == 0) return false;
  ++pos_;
  if (got < 4) {
    Bad("record " + std::to_string(pos_), "truncated record (" + std::to_string(got) + " of 4 bytes)");
    return false;  // a truncated record can only be the last one
  }
  const auto* b = reinterpret_cast<const unsigned char*>(r);
  *out = Request{};
  out->key = (uint64_t{b[0]} << 24) | (uint64_t{b[1]} << 16) | (uint64_t{b[2]} << 8) | b[3];
  out->size = 1;
  return true;
}

}  // namespace cachelab
