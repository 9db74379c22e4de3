// A non-negative random quantity described by text, used for latencies,
// think times and value sizes: "FIXED[+KIND(MEAN[,SHAPE])]", e.g. "200us",
// "100us+exp(50us)", "1ms+lognormal(2ms,0.5)", "uniform(100,1000)".
// Units follow the caller: durations parse with ParseDuration, sizes as plain
// numbers with optional KiB/MiB suffixes.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>

#include "sim/rng.h"

namespace cachelab {

class Distribution {
 public:
  enum class Kind { kNone, kExponential, kUniform, kLogNormal, kNormal, kPareto };
  enum class Unit { kDuration, kBytes, kNumber };
  // Every parameter, the mean and every sample are at most this (1e18 ns is
  // 31 years; it converts to int64 without overflow).
  static constexpr double kMaxValue = 1e18;
  // Larger lognormal sigmas put the mean in samples a run never draws.
  static constexpr double kMaxSigma = 10;

  Distribution() = default;
  static Distribution Fixed(double value) {
    Distribution d;
    d.fixed_ = value;
    return d;
  }

  // Returns an empty string on success, otherwise what is wrong with text.
  static std::string Parse(std::string_view text, Unit unit, Distribution* out);

  // A finite value in [0, kMaxValue]. A fixed value (every command's round
  // trip and service time by default) needs no call.
  double Sample(Rng& rng) const { return kind_ == Kind::kNone ? std::min(fixed_, kMaxValue) : SampleRandom(rng); }
  double Mean() const;
  bool IsFixed() const { return kind_ == Kind::kNone; }
  const std::string& text() const { return text_; }

 private:
  double SampleRandom(Rng& rng) const;
  double fixed_ = 0;
  Kind kind_ = Kind::kNone;
  double a_ = 0;  // mean (exp, lognormal, normal), low (uniform), scale (pareto)
  double b_ = 0;  // sigma (lognormal, normal), high (uniform), shape (pareto)
  std::string text_;
};

// Parses a byte count: "4096", "64KiB", "1.5MiB", "2GiB", "1PiB", "1KB" (1000), "1PB" (10^15).
bool ParseBytes(std::string_view text, double* out);
// For a size ParseBytes refused: how to write it when it looks copied from a
// redis.conf ("100mb", "2gb": Redis reads those as 2^20 and 2^30 bytes), else "".
std::string RedisUnitHint(std::string_view text);

}  // namespace cachelab
