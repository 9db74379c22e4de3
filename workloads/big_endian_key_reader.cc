#include "workloads/big_endian_key_reader.h"

namespace cachelab {

bool BigEndianKeyReader::Read(Request* out) {
  const char* r;
  const size_t want = static_cast<size_t>(bytes_);
  size_t got = in_.NextRecord(want, &r);
  if (got == 0) return false;
  ++pos_;
  if (got < want) {
    Bad("record " + std::to_string(pos_),
        "truncated record (" + std::to_string(got) + " of " + std::to_string(want) + " bytes)");
    return false;  // a truncated record can only be the last one
  }
  const auto* b = reinterpret_cast<const unsigned char*>(r);
  *out = Request{};
  for (size_t i = 0; i < want; ++i) out->key = (out->key << 8) | b[i];
  out->size = 1;
  return true;
}

}  // namespace cachelab
