// A string value in a 4-byte word, for the simulated Redis's entries, when it
// is one of the shapes the lab writes: up to 3 bytes (any), "v<n>" (the
// runner's values, "v<version>") or "<n>" (counters), n a canonical decimal
// below 2^30. Anything else does not fit (Encode gives kSpilled) and the
// caller keeps the bytes elsewhere (the store: a side map by slot), so values
// set through the RESP server or the differential tests keep their real bytes.
// Half of SmallBytes' 8: the entry's largest field.
#pragma once
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "sim/redis_int.h"

namespace cachelab {

struct SmallValue {
  // The two low bits: the shape; 0 is the empty string, kSpilled a value kept elsewhere.
  static constexpr uint32_t kEmpty = 0, kSpilled = 4;
  static constexpr uint32_t kRaw = 1, kPrefixed = 2, kNumber = 3;
  static constexpr uint32_t kMaxNumber = (1u << 30) - 1;
  using Buffer = char[12];  // "v" and 10 digits

  // The word for s, or kSpilled.
  static uint32_t Encode(std::string_view s) {
    if (s.size() <= 3) {  // first: copied in and out whole, the cheapest to read
      if (s.empty()) return kEmpty;
      uint32_t bytes = 0;
      std::memcpy(&bytes, s.data(), s.size());
      return kRaw | static_cast<uint32_t>(s.size()) << 2 | bytes << 8;
    }
    bool prefixed = s[0] == 'v';
    std::string_view digits = prefixed ? s.substr(1) : s;
    int64_t n = 0;  // canonical and not negative, so the bytes spell back exactly
    if (digits.size() > 10 || digits.starts_with('-') || !ParseRedisInt(digits, &n) || n > kMaxNumber) return kSpilled;
    return (prefixed ? kPrefixed : kNumber) | static_cast<uint32_t>(n) << 2;
  }
  // The bytes of w (not kSpilled), spelled into buf.
  static std::string_view View(uint32_t w, Buffer& buf) {
    switch (w & 3) {
      case kRaw: {
        uint32_t bytes = w >> 8;
        std::memcpy(buf, &bytes, 3);
        return {buf, static_cast<size_t>((w >> 2) & 3)};
      }
      case kPrefixed:
      case kNumber: {
        char* p = buf;
        if ((w & 3) == kPrefixed) *p++ = 'v';
        char* end = std::to_chars(p, buf + sizeof buf, w >> 2).ptr;
        return {buf, static_cast<size_t>(end - buf)};
      }
      default:
        return {};
    }
  }
  static void CopyTo(uint32_t w, std::string& out) {
    Buffer buf;
    out.assign(View(w, buf));
  }
  // View(w).size(), without spelling it.
  static size_t Size(uint32_t w) {
    switch (w & 3) {
      case kRaw: return (w >> 2) & 3;
      case kPrefixed: return 1 + Digits(w >> 2);
      case kNumber: return Digits(w >> 2);
      default: return 0;
    }
  }
  // The decimal digits of n.
  static size_t Digits(uint32_t n) {
    size_t d = 1;  // compares, no divisions
    for (uint32_t power : {10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u, 1000000000u})
      d += n >= power;
    return d;
  }
};

}  // namespace cachelab
