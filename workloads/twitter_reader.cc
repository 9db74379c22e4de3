#include "workloads/twitter_reader.h"

#include "sim/printable.h"

#include "workloads/op_names.h"
#include "workloads/text_fields.h"

namespace cachelab {

bool TwitterReader::Read(Request* out) {
  std::string_view line;
  while (in_.NextLine(&line)) {
    ++pos_;
    if (line.empty()) continue;
    std::string why;
    if (Parse(line, out, &why)) return true;
    if (!Bad("line " + std::to_string(pos_), why)) return false;
  }
  return false;
}

bool TwitterReader::Parse(std::string_view line, Request* out, std::string* why) {
  std::string_view f[8];
  int n = SplitFields(line, ',', f, 8);
  if (n != 7) return *why = "expected 7 fields, got " + std::to_string(n), false;
  int64_t time, ttl;
  uint32_t key_size, value_size, client;
  if (!ParseInt(f[0], &time) || time < 0 || time > kMaxTraceSeconds)
    return *why = "bad timestamp '" + Printable(f[0]) + "'", false;
  if (f[1].empty()) return *why = "empty key", false;
  if (!ParseInt(f[2], &key_size)) return *why = "bad key size '" + Printable(f[2]) + "'", false;
  if (!ParseInt(f[3], &value_size)) return *why = "bad value size '" + Printable(f[3]) + "'", false;
  if (!ParseInt(f[4], &client)) return *why = "bad client id '" + Printable(f[4]) + "'", false;
  *out = Request{};
  if (!ParseOpName(f[5], &out->op)) return *why = "unknown operation '" + Printable(f[5]) + "'", false;
  // A negative TTL (memcached: expired at once) is no TTL the lab can honour, nor 0 (never expires).
  if (!ParseInt(f[6], &ttl) || ttl < 0 || ttl > kMaxTraceSeconds)
    return *why = "bad ttl '" + Printable(f[6]) + "'", false;
  if (uint64_t{key_size} + value_size > UINT32_MAX) return *why = "key plus value size above 4 GiB", false;
  out->at = time * kSecond;
  out->key = HashKey(f[1]);
  out->size = key_size + value_size;
  out->client = client;
  out->ttl = ttl > 0 ? ttl * kSecond : 0;
  return true;
}

}  // namespace cachelab
