// Text helpers for the k=v parameter lists of policies and admission filters.
#pragma once
#include <cctype>
#include <string>
#include <string_view>

namespace cachelab::eviction {

inline std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace cachelab::eviction
