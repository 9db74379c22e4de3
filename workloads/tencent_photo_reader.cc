#include "workloads/tencent_photo_reader.h"

#include <chrono>
#include <string_view>

#include "sim/printable.h"
#include "workloads/text_fields.h"

namespace cachelab {
namespace {

// Seconds since 1970-01-01 00:00:00 of a "YYYYMMDDHHMMSS" timestamp, or -1.
// The trace gives no time zone; it is read as UTC, which is harmless as only
// differences between requests matter to the simulation.
int64_t TimestampSeconds(std::string_view s) {
  if (s.size() != 14) return -1;
  for (char c : s)
    if (c < '0' || c > '9') return -1;
  int y, mo, d, h, mi, se;
  if (!ParseInt(s.substr(0, 4), &y) || !ParseInt(s.substr(4, 2), &mo) || !ParseInt(s.substr(6, 2), &d) ||
      !ParseInt(s.substr(8, 2), &h) || !ParseInt(s.substr(10, 2), &mi) || !ParseInt(s.substr(12, 2), &se))
    return -1;
  using namespace std::chrono;
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (y < 1970 || !date.ok() || h > 23 || mi > 59 || se > 59) return -1;
  const int64_t t = sys_days(date).time_since_epoch().count() * int64_t{86400} + h * 3600 + mi * 60 + se;
  return t <= kMaxTraceSeconds ? t : -1;  // beyond (after 2262): int64 ns overflow
}

// Caffeine decodes the id as lower-case base 16 (an even number of digits).
bool IsLowerHex(std::string_view s) {
  if (s.empty() || s.size() % 2 != 0) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

bool TencentPhotoReader::Read(Request* out) {
  std::string_view line;
  while (in_.NextLine(&line)) {
    ++pos_;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) continue;
    std::string_view f[8];
    const int n = SplitFields(line, ' ', f, 8);
    std::string why;
    int64_t t = -1;
    uint32_t size = 0;
    if (n != 8)
      why = "expected 8 space-separated fields (timestamp id format tier bytes hit terminal ms), got " +
            std::to_string(n) + ": '" + Printable(line, 60) + "'";
    else if ((t = TimestampSeconds(f[0])) < 0)
      why = "bad timestamp '" + Printable(f[0]) + "' (expected YYYYMMDDHHMMSS)";
    else if (!IsLowerHex(f[1]))
      why = "bad photo id '" + Printable(f[1], 60) + "' (expected lower-case hex)";
    else if (!ParseInt(f[4], &size))
      why = "bad size '" + Printable(f[4]) + "' (expected bytes returned, 0 to 4294967295)";
    if (!why.empty()) {
      if (Bad("line " + std::to_string(pos_), why)) continue;
      return false;
    }
    if (f[2] != "0" && f[2] != "5") {  // neither jpg nor webp: Caffeine leaves the row out
      ++other_format_;
      continue;
    }
    *out = Request{};
    // The key: "id format tier" as the line has it (the fields are split on single spaces).
    out->key = HashKey(std::string_view(f[1].data(), static_cast<size_t>(f[3].data() + f[3].size() - f[1].data())));
    out->size = size;
    out->at = t * kSecond;
    return true;
  }
  return false;
}

}  // namespace cachelab
