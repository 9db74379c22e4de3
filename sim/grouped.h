// Whole numbers grouped by thousands ("12,345,678", "-1,234"), as summaries,
// progress lines and the demos' texts print counts.
#pragma once
#include <cstdint>
#include <string>

namespace cachelab {

inline std::string Grouped(int64_t v) {
  std::string digits = std::to_string(v), out;
  const size_t sign = v < 0 ? 1 : 0;
  out = digits.substr(0, sign);
  for (size_t i = sign; i < digits.size(); ++i) {
    if (i > sign && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace cachelab
