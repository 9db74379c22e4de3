#include "sim/time.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace cachelab {

bool ParseDuration(std::string_view text, SimTime* out) {
  if (text.empty()) return false;
  size_t unit_pos = text.size();
  while (unit_pos > 0 && std::isalpha(static_cast<unsigned char>(text[unit_pos - 1]))) --unit_pos;
  std::string_view num = text.substr(0, unit_pos), unit = text.substr(unit_pos);
  double value = 0;
  auto [ptr, ec] = std::from_chars(num.data(), num.data() + num.size(), value);
  if (ec != std::errc() || ptr != num.data() + num.size() || num.empty()) return false;
  double scale;
  if (unit.empty() || unit == "s") scale = kSecond;
  else if (unit == "ns") scale = 1;
  else if (unit == "us") scale = kMicrosecond;
  else if (unit == "ms") scale = kMillisecond;
  else if (unit == "m" || unit == "min") scale = kMinute;
  else if (unit == "h") scale = 60.0 * kMinute;
  else return false;
  double ns = value * scale;
  if (!(ns >= 0) || ns > 9.2e18) return false;
  *out = static_cast<SimTime>(std::llround(ns));
  return true;
}

std::string FormatDuration(SimTime t) {
  char buf[64];
  if (t % kSecond == 0) std::snprintf(buf, sizeof buf, "%llds", static_cast<long long>(t / kSecond));
  else if (t % kMillisecond == 0) std::snprintf(buf, sizeof buf, "%lldms", static_cast<long long>(t / kMillisecond));
  else if (t % kMicrosecond == 0) std::snprintf(buf, sizeof buf, "%lldus", static_cast<long long>(t / kMicrosecond));
  else std::snprintf(buf, sizeof buf, "%lldns", static_cast<long long>(t));
  return buf;
}

}  // namespace cachelab
