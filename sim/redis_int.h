// Redis's string2ll: a canonical decimal int64 ("01", "-0", "+1", " 1" are
// not). INCR, EXPIRE's arguments, and the store's compact forms of values and
// names (a value or a key's digits that spell a number only canonically).
#pragma once
#include <charconv>
#include <cstdint>
#include <string_view>

namespace cachelab {

inline bool ParseRedisInt(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 20) return false;
  if (s.size() > 1 && s[0] == '0') return false;
  if (s[0] == '-' && (s.size() == 1 || s[1] == '0')) return false;
  if (s[0] == '+') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace cachelab
