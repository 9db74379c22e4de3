// Small parsing helpers for the text readers: split a line on a delimiter and
// parse numbers without allocation (std::from_chars).
#pragma once
#include <charconv>
#include <cstdint>
#include <string_view>

namespace cachelab {

// Splits `line` into at most `max` fields; returns the number of fields found
// (more than `max` are counted but not stored).
inline int SplitFields(std::string_view line, char delim, std::string_view* fields, int max) {
  int n = 0;
  size_t start = 0;
  for (;;) {
    size_t end = line.find(delim, start);
    std::string_view f = line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
    while (!f.empty() && f.back() == ' ') f.remove_suffix(1);
    if (n < max) fields[n] = f;
    ++n;
    if (end == std::string_view::npos) return n;
    start = end + 1;
  }
}

template <typename T>
inline bool ParseInt(std::string_view s, T* out, int base = 10) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out, base);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

inline bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// 64-bit FNV-1a, then a finaliser: string keys become object ids.
inline uint64_t HashKey(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 33);
}

// A numeric id as is, anything else hashed.
inline uint64_t KeyToId(std::string_view s) {
  uint64_t v;
  return ParseInt(s, &v) ? v : HashKey(s);
}

}  // namespace cachelab
