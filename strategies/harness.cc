#include "strategies/harness.h"

#include <charconv>

#include "sim/direct_reply.h"

namespace cachelab {

KeyName CacheKeyName(uint64_t key) {
  // Digits from the end, two at a time: built once per cache command.
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  KeyName name;
  char* end = name.buf + sizeof name.buf;
  char* p = end;
  while (key >= 100) {
    const char* pair = kPairs + 2 * (key % 100);
    key /= 100;
    *--p = pair[1];
    *--p = pair[0];
  }
  if (key >= 10) {
    *--p = kPairs[2 * key + 1];
    *--p = kPairs[2 * key];
  } else {
    *--p = static_cast<char>('0' + key);
  }
  *--p = ':';
  *--p = 'k';
  name.begin = static_cast<uint8_t>(p - name.buf);
  return name;
}

std::string CacheKey(uint64_t key) { return std::string(CacheKeyName(key).view()); }

Blob VersionedValue(uint64_t version, uint32_t size) {
  char buf[24] = {'v'};
  auto [p, ec] = std::to_chars(buf + 1, buf + sizeof buf, version);
  Blob b{std::string(buf, p), 0};
  if (size > b.data.size()) b.pad = static_cast<uint32_t>(size - b.data.size());
  return b;
}

uint64_t VersionOf(const Blob& value) { return VersionOfBytes(value.data); }

}  // namespace cachelab
