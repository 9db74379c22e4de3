// Text from input files quoted in error messages: control and non-ASCII
// bytes are escaped (\x00) and the excerpt is cut, so a garbage or binary
// file never writes raw bytes to a terminal.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace cachelab {

// One byte as \xNN.
inline void AppendEscapedByte(std::string& out, unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  out += buf;
}

inline std::string Printable(std::string_view text, size_t max_chars = 80) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (out.size() >= max_chars) return out + "...";
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7f)
      out += static_cast<char>(c);
    else
      AppendEscapedByte(out, c);
  }
  return out;
}

// A whole message for a terminal: control bytes escaped as Printable does,
// but newlines kept (multi-line hints) and bytes >= 0x80 kept (UTF-8 file
// names), nothing cut.
inline std::string EscapeControlBytes(std::string_view text) {
  std::string out;
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\n') || c == 0x7f)
      AppendEscapedByte(out, c);
    else
      out += ch;
  }
  return out;
}

}  // namespace cachelab
