#include "workloads/warmup_spec.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "sim/printable.h"

namespace cachelab {

uint64_t WarmupSpec::RequestsOf(uint64_t total) const {
  switch (kind) {
    case Kind::kRequests: return requests;
    case Kind::kFraction: return static_cast<uint64_t>(std::floor(static_cast<double>(total) * fraction));
    default: return 0;
  }
}

bool WarmupSpec::InWarmup(uint64_t index, SimTime elapsed, uint64_t total) const {
  if (kind == Kind::kDuration) return elapsed < duration;
  return index < RequestsOf(total);
}

bool ParseWarmupSpec(std::string_view text, WarmupSpec* out, std::string* error) {
  *out = WarmupSpec{};
  if (text.empty() || text == "0" || text == "none") return true;
  auto bad = [&](const char* why) {
    *error = "invalid warm-up '" + Printable(text) + "': " + why +
             " (a request count like 50000, a fraction like 20%, or a duration like 30s)";
    return false;
  };
  if (text.back() == '%') {
    std::string_view num = text.substr(0, text.size() - 1);
    double pct = 0;
    auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), pct);
    if (num.empty() || ec != std::errc() || p != num.data() + num.size()) return bad("not a percentage");
    if (!(pct >= 0 && pct <= 100)) return bad("percentage outside 0-100");
    out->kind = WarmupSpec::Kind::kFraction;
    out->fraction = pct / 100;
    return true;
  }
  if (std::isdigit(static_cast<unsigned char>(text.back()))) {
    uint64_t n = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || p != text.data() + text.size()) return bad("not a whole number of requests");
    out->kind = WarmupSpec::Kind::kRequests;
    out->requests = n;
    return true;
  }
  SimTime d = 0;
  if (!ParseDuration(text, &d)) return bad("unknown unit");
  out->kind = WarmupSpec::Kind::kDuration;
  out->duration = d;
  return true;
}

}  // namespace cachelab
