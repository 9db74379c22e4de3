#include "live/inline_args.h"

#include <cctype>

namespace cachelab::live {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::vector<std::string>> SplitInlineArgs(std::string_view line) {
  // sdssplitargs reads a C string: a NUL byte ends the line.
  line = line.substr(0, line.find('\0'));
  auto at = [&](size_t i) { return i < line.size() ? line[i] : '\0'; };
  auto blank = [](char c) { return c != '\0' && std::isspace(static_cast<unsigned char>(c)); };
  std::vector<std::string> words;
  size_t p = 0;
  for (;;) {
    while (blank(at(p))) ++p;
    if (at(p) == '\0') return words;
    std::string word;
    bool in_double = false, in_single = false, done = false;
    while (!done) {
      char c = at(p);
      if (in_double || in_single) {
        if (in_double && c == '\\' && at(p + 1) == 'x' && HexValue(at(p + 2)) >= 0 && HexValue(at(p + 3)) >= 0) {
          word += static_cast<char>(HexValue(at(p + 2)) * 16 + HexValue(at(p + 3)));
          p += 3;
        } else if (in_double && c == '\\' && at(p + 1) != '\0') {
          char e = at(++p);
          word += e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e == 'b' ? '\b' : e == 'a' ? '\a' : e;
        } else if (in_single && c == '\\' && at(p + 1) == '\'') {
          word += at(++p);
        } else if (c == (in_double ? '"' : '\'')) {
          if (at(p + 1) != '\0' && !blank(at(p + 1))) return std::nullopt;  // "a"b
          done = true;
        } else if (c == '\0') {
          return std::nullopt;  // no closing quote
        } else {
          word += c;
        }
      } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\0') {
        done = true;
      } else if (c == '"') {
        in_double = true;
      } else if (c == '\'') {
        in_single = true;
      } else {
        word += c;
      }
      if (at(p) != '\0') ++p;
    }
    words.push_back(std::move(word));
  }
}

}  // namespace cachelab::live
