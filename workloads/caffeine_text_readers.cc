#include "workloads/caffeine_text_readers.h"

#include "sim/printable.h"
#include "workloads/text_fields.h"

namespace cachelab {
namespace {

// Java's Long.parseLong / Integer.parseInt: an optional sign, then digits.
template <typename T>
bool ParseJavaInt(std::string_view s, T* out, int base = 10) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  return !s.empty() && s.front() != '+' && ParseInt(s, out, base);
}

// The whitespace-separated fields of a line, at most `max` of them kept.
int Fields(std::string_view line, std::string_view* fields, int max) {
  int n = 0;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i == line.size()) break;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (n < max) fields[n] = line.substr(i, j - i);
    ++n;
    i = j;
  }
  return n;
}

Request OfKey(uint64_t key) {
  Request r{};
  r.key = key;
  r.size = 1;
  return r;
}

}  // namespace

bool KeyLineReader::Read(Request* out) {
  std::string_view line;
  while (in_.NextLine(&line)) {
    ++pos_;
    std::string_view f[2];
    const int n = Fields(line, f, 2);
    uint64_t key = 0;
    const Line l = n == 0 ? Line::kSkip : Parse(f, n, &key);
    if (l == Line::kSkip) continue;
    if (l == Line::kBad) {
      if (Bad("line " + std::to_string(pos_), "expected " + Expected() + ", got '" + Printable(line, 60) + "'"))
        continue;
      return false;
    }
    *out = OfKey(key);
    return true;
  }
  return false;
}

KeyLineReader::Line LirsReader::Parse(const std::string_view* f, int n, uint64_t* key) const {
  if (n == 1 && f[0] == "*") return Line::kSkip;
  int64_t block = 0;
  if (n != 1 || !ParseJavaInt(f[0], &block)) return Line::kBad;
  *key = static_cast<uint64_t>(block);
  return Line::kKey;
}

bool ArcReader::Read(Request* out) {
  std::string_view line;
  while (left_ == 0) {
    if (!in_.NextLine(&line)) return false;
    ++pos_;
    std::string_view f[2];
    const int n = Fields(line, f, 2);
    if (n == 0) continue;
    int64_t start = 0;
    int32_t count = 0;
    if (n < 2 || !ParseJavaInt(f[0], &start) || !ParseJavaInt(f[1], &count)) {
      if (Bad("line " + std::to_string(pos_),
              "expected 'start count ...' (block numbers), got '" + Printable(line, 60) + "'"))
        continue;
      return false;
    }
    next_ = static_cast<uint64_t>(start);
    left_ = count > 0 ? static_cast<uint64_t>(count) : 0;
  }
  *out = OfKey(next_++);
  --left_;
  return true;
}

KeyLineReader::Line AddressReader::Parse(const std::string_view* f, int n, uint64_t* key) const {
  int64_t address = 0;
  if (n < 2 || f[1].size() < 3 || !ParseJavaInt(f[1].substr(2), &address, 16)) return Line::kBad;
  *key = static_cast<uint64_t>(address);
  return Line::kKey;
}

}  // namespace cachelab
