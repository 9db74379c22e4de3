#include "sim/redis_memory.h"

#include <charconv>

namespace cachelab {

size_t JemallocSize(size_t n) {
  if (n <= 8) return 8;
  if (n <= 128) return (n + 15) & ~size_t{15};
  // Four classes per doubling: 2^k + i * 2^(k-2).
  size_t k = 63 - __builtin_clzll(n - 1);  // 2^k < n <= 2^(k+1)
  size_t step = size_t{1} << (k - 2);
  return (n + step - 1) & ~(step - 1);
}

size_t SdsAllocSize(size_t len, bool allow_type5) {
  size_t hdr;
  if (len < 32 && allow_type5) hdr = 1;
  else if (len < 256) hdr = 3;
  else if (len < 65536) hdr = 5;
  else hdr = 9;
  return JemallocSize(hdr + len + 1);
}

size_t StringValueMemory(std::string_view data, size_t logical_size, bool shared_integers) {
  if (logical_size == data.size() && logical_size <= 20 && !data.empty()) {
    long long v;
    auto [p, ec] = std::from_chars(data.data(), data.data() + data.size(), v);
    bool canonical = ec == std::errc() && p == data.data() + data.size() && !(data.size() > 1 && data[0] == '0') &&
                     !(data[0] == '-' && (data.size() == 1 || data[1] == '0'));
    if (canonical && shared_integers && v >= 0 && v < 10000) return 0;  // OBJ_SHARED_INTEGERS
    if (canonical) return 16;  // OBJ_ENCODING_INT: the robj holds the number
  }
  if (logical_size <= 44) return JemallocSize(16 + 3 + logical_size + 1);
  return 16 + SdsAllocSize(logical_size, false);
}

size_t KeyOverheadMemory(size_t key_len, bool has_expire) {
  return JemallocSize(24) + SdsAllocSize(key_len, true) + (has_expire ? JemallocSize(24) : 0);
}

// The set's bucket array is counted once for the whole set by the store.
size_t SetMemberMemory(size_t member_len) { return JemallocSize(24) + SdsAllocSize(member_len, true); }

}  // namespace cachelab
