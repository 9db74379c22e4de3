// Text from input files quoted in error messages: control and non-ASCII
// bytes are escaped (\x00) and the excerpt is cut, so a garbage or binary
// file never writes raw bytes to a terminal.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace cachelab {

inline std::string Printable(std::string_view text, size_t max_chars = 80) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (out.size() >= max_chars) return out + "...";
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace cachelab
