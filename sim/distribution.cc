#include "sim/distribution.h"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <utility>

#include "sim/printable.h"
#include "sim/time.h"

namespace cachelab {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool ParseNumber(std::string_view text, double* out) {
  text = Trim(text);
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  // nan and inf parse as doubles but are no quantity.
  return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(*out);
}

bool ParseQuantity(std::string_view text, Distribution::Unit unit, double* out) {
  text = Trim(text);
  switch (unit) {
    case Distribution::Unit::kDuration: {
      SimTime t;
      if (!ParseDuration(text, &t)) return false;
      *out = static_cast<double>(t);
      return true;
    }
    case Distribution::Unit::kBytes:
      return ParseBytes(text, out);
    case Distribution::Unit::kNumber:
      return ParseNumber(text, out);
  }
  return false;
}

// " 64KiB" -> {"64", "KiB"}: the trailing letters are the unit.
std::pair<std::string_view, std::string_view> SplitUnit(std::string_view text) {
  text = Trim(text);
  size_t at = text.size();
  while (at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1]))) --at;
  return {text.substr(0, at), text.substr(at)};
}

}  // namespace

bool ParseBytes(std::string_view text, double* out) {
  const auto [number, unit] = SplitUnit(text);
  double v;
  if (!ParseNumber(number, &v) || v < 0) return false;
  double scale;
  if (unit.empty() || unit == "B") scale = 1;
  else if (unit == "KiB" || unit == "K" || unit == "k") scale = 1024.0;
  else if (unit == "MiB" || unit == "M") scale = 1024.0 * 1024;
  else if (unit == "GiB" || unit == "G") scale = 1024.0 * 1024 * 1024;
  else if (unit == "TiB" || unit == "T") scale = 1024.0 * 1024 * 1024 * 1024;
  else if (unit == "PiB" || unit == "P") scale = 1024.0 * 1024 * 1024 * 1024 * 1024;
  else if (unit == "KB" || unit == "kB") scale = 1e3;
  else if (unit == "MB") scale = 1e6;
  else if (unit == "GB") scale = 1e9;
  else if (unit == "TB") scale = 1e12;
  else if (unit == "PB") scale = 1e15;
  else return false;
  *out = v * scale;
  return std::isfinite(*out);  // callers check their own upper bound
}

std::string RedisUnitHint(std::string_view text) {
  const auto [number, unit] = SplitUnit(text);
  std::string lower(unit);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::pair<const char*, const char*> kRedis[] = {{"kb", "KiB"}, {"mb", "MiB"}, {"gb", "GiB"}};
  for (const auto& [redis, ours] : kRedis)
    if (lower == redis)
      return "; Redis's config reads '" + Printable(number) + Printable(unit) + "' as " + Printable(number) +
             ours + " (write that; here KB/MB/GB are 10^3n bytes)";
  return "";
}

std::string Distribution::Parse(std::string_view text, Unit unit, Distribution* out) {
  Distribution d;
  d.text_ = std::string(text);
  std::string_view rest = Trim(text);
  if (rest.empty()) return "empty value";
  // Optional fixed part before '+', unless the whole thing is a KIND(...) term.
  size_t paren = rest.find('(');
  size_t plus = rest.find('+');
  std::string_view random_part;
  if (paren == std::string_view::npos) {
    if (!ParseQuantity(rest, unit, &d.fixed_)) return "cannot parse '" + Printable(rest) + "'";
  } else if (plus != std::string_view::npos && plus < paren) {
    if (!ParseQuantity(rest.substr(0, plus), unit, &d.fixed_))
      return "cannot parse '" + Printable(rest.substr(0, plus)) + "'";
    random_part = Trim(rest.substr(plus + 1));
  } else {
    random_part = rest;
  }
  if (!random_part.empty()) {
    size_t open = random_part.find('(');
    if (open == std::string_view::npos || random_part.back() != ')')
      return "expected KIND(ARGS) in '" + Printable(random_part) + "'";
    std::string_view kind = Trim(random_part.substr(0, open));
    std::string_view args = random_part.substr(open + 1, random_part.size() - open - 2);
    size_t comma = args.find(',');
    std::string_view arg1 = args.substr(0, comma);
    std::string_view arg2 = comma == std::string_view::npos ? std::string_view() : args.substr(comma + 1);
    auto need = [&](bool two) -> std::string {
      if (!ParseQuantity(arg1, unit, &d.a_)) return "cannot parse '" + Printable(arg1) + "'";
      if (two) {
        Unit u2 = (kind == "uniform") ? unit : Unit::kNumber;
        if (arg2.empty() || !ParseQuantity(arg2, u2, &d.b_)) return "missing or bad second argument";
      }
      return "";
    };
    std::string err;
    if (kind == "exp") {
      d.kind_ = Kind::kExponential;
      err = need(false);
    } else if (kind == "uniform") {
      d.kind_ = Kind::kUniform;
      err = need(true);
      if (err.empty() && d.b_ < d.a_) err = "uniform(low,high) needs low <= high";
    } else if (kind == "lognormal") {
      d.kind_ = Kind::kLogNormal;
      err = need(true);
    } else if (kind == "normal") {
      d.kind_ = Kind::kNormal;
      err = need(true);
    } else if (kind == "pareto") {
      d.kind_ = Kind::kPareto;
      err = need(true);
      if (err.empty() && d.b_ <= 1) err = "pareto(scale,shape) needs shape > 1";
    } else {
      return "unknown distribution '" + Printable(kind) + "' (exp, uniform, lognormal, normal, pareto)";
    }
    if (!err.empty()) return err;
    if (d.a_ < 0 || d.b_ < 0) return "negative parameter";
    if (d.kind_ == Kind::kLogNormal && d.b_ > kMaxSigma) return "lognormal(mean,sigma) needs sigma <= 10";
    if (d.kind_ == Kind::kPareto && d.b_ > 1e6) return "pareto(scale,shape) needs shape <= 1e6";
  }
  if (d.fixed_ < 0) return "negative value";
  if (d.fixed_ > kMaxValue || d.a_ > kMaxValue || d.b_ > kMaxValue || d.Mean() > kMaxValue)
    return "too large (at most 1e18 in its unit)";
  *out = d;
  return "";
}

double Distribution::SampleRandom(Rng& rng) const {
  double v = fixed_;
  switch (kind_) {
    case Kind::kNone:
      break;
    case Kind::kExponential:
      v += rng.Exponential(a_);
      break;
    case Kind::kUniform:
      v += a_ + (b_ - a_) * rng.Uniform();
      break;
    case Kind::kLogNormal: {
      // a_ is the mean of the lognormal itself; b_ is sigma of the underlying normal.
      double mu = std::log(a_) - 0.5 * b_ * b_;
      v += std::exp(mu + b_ * rng.Normal());
      break;
    }
    case Kind::kNormal:
      v += std::max(0.0, a_ + b_ * rng.Normal());
      break;
    case Kind::kPareto:
      // a_ is the mean; scale x_m = mean * (shape - 1) / shape.
      v += a_ * (b_ - 1) / b_ / std::pow(rng.UniformOpenZero(), 1.0 / b_);
      break;
  }
  // Heavy tails can exceed any integer the caller converts to; clamp (NaN cannot occur:
  // every parameter is finite and checked at parse time).
  return std::min(v, kMaxValue);
}

double Distribution::Mean() const {
  switch (kind_) {
    case Kind::kNone: return fixed_;
    case Kind::kUniform: return fixed_ + (a_ + b_) / 2;
    default: return fixed_ + a_;  // normal's truncation at 0 ignored
  }
}

}  // namespace cachelab
