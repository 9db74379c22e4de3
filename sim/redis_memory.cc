#include "sim/redis_memory.h"

#include <charconv>

namespace cachelab {

size_t ShortStringValueMemory(std::string_view data, bool shared_integers) {
  long long v;
  auto [p, ec] = std::from_chars(data.data(), data.data() + data.size(), v);
  bool canonical = ec == std::errc() && p == data.data() + data.size() && !(data.size() > 1 && data[0] == '0') &&
                   !(data[0] == '-' && (data.size() == 1 || data[1] == '0'));
  if (canonical && shared_integers && v >= 0 && v < 10000) return 0;  // OBJ_SHARED_INTEGERS
  if (canonical) return 16;  // OBJ_ENCODING_INT: the robj holds the number
  return JemallocSize(16 + 3 + data.size() + 1);  // an embstr (the size is at most 20)
}

}  // namespace cachelab
