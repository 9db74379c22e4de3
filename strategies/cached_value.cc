#include "strategies/cached_value.h"

#include <charconv>

#include "strategies/harness.h"

namespace cachelab {
namespace {

void Put(std::string& out, char tag, int64_t v) {
  char buf[24];
  buf[0] = tag;
  auto [p, ec] = std::to_chars(buf + 1, buf + sizeof buf, v);
  out.append(buf, p);
}

}  // namespace

Blob EncodeValue(const CachedValue& v, uint32_t size, bool metadata) {
  if (v.lease) {
    char buf[24] = {'L'};
    auto [p, ec] = std::to_chars(buf + 1, buf + sizeof buf, v.lease);
    return Blob{std::string(buf, p), 0};
  }
  if (!metadata) return VersionedValue(v.version, size);
  Blob b;
  b.data.reserve(64);
  Put(b.data, 'v', static_cast<int64_t>(v.version));
  Put(b.data, ';', v.delta);
  Put(b.data, ';', v.soft_expiry);
  Put(b.data, ';', v.expiry);
  if (size > b.data.size()) b.pad = static_cast<uint32_t>(size - b.data.size());
  return b;
}

CachedValue DecodeValue(const Blob& b) {
  CachedValue v;
  const char* p = b.data.data();
  const char* end = p + b.data.size();
  if (p == end) return v;
  if (*p == 'L') {
    std::from_chars(p + 1, end, v.lease);
    return v;
  }
  if (*p != 'v') return v;
  p = std::from_chars(p + 1, end, v.version).ptr;
  int64_t* fields[] = {&v.delta, &v.soft_expiry, &v.expiry};
  for (int64_t* f : fields) {
    if (p >= end || *p != ';') break;
    p = std::from_chars(p + 1, end, *f).ptr;
  }
  return v;
}

}  // namespace cachelab
