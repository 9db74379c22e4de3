#include "sim/exact_int.h"

namespace cachelab {

std::string ParseExactUInt(std::string_view text, uint64_t* out) {
  std::string s;
  for (char c : text)
    if (c != '_') s += c;
  if (s.empty()) return "empty value";
  size_t i = 0;
  if (s[i] == '+') ++i;
  if (i < s.size() && s[i] == '-') return "negative";
  // DIGITS[.DIGITS][e[+-]DIGITS]
  std::string digits;
  int64_t exponent = 0;
  bool any = false;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) digits += s[i], any = true;
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) digits += s[i], --exponent, any = true;
  }
  if (!any) return "not a number";
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    int64_t e = 0;
    bool edigits = false;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      edigits = true;
      if (e < 100000) e = e * 10 + (s[i] - '0');
    }
    if (!edigits) return "not a number";
    exponent += neg ? -e : e;
  }
  if (i != s.size()) return "not a number";
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return *out = 0, "";
  digits = digits.substr(first);
  // A negative exponent must only drop zeros.
  while (exponent < 0) {
    if (digits.back() != '0') return "not a whole number";
    digits.pop_back();
    ++exponent;
  }
  if (static_cast<int64_t>(digits.size()) + exponent > 20) return "above 18446744073709551615";
  digits.append(static_cast<size_t>(exponent), '0');
  uint64_t v = 0;
  for (char c : digits) {
    uint64_t d = static_cast<uint64_t>(c - '0');
    if (v > (UINT64_MAX - d) / 10) return "above 18446744073709551615";
    v = v * 10 + d;
  }
  *out = v;
  return "";
}

}  // namespace cachelab
