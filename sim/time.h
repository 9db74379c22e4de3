// Simulated time: signed 64-bit nanoseconds, never floating point, so event
// ordering is exact and runs are bit-for-bit reproducible.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace cachelab {

using SimTime = int64_t;  // nanoseconds

inline constexpr SimTime kNanosecond = 1;
inline constexpr SimTime kMicrosecond = 1000;
inline constexpr SimTime kMillisecond = 1000 * kMicrosecond;
inline constexpr SimTime kSecond = 1000 * kMillisecond;
inline constexpr SimTime kMinute = 60 * kSecond;
inline constexpr SimTime kForever = INT64_MAX;

inline constexpr double ToSeconds(SimTime t) { return static_cast<double>(t) / kSecond; }
inline constexpr double ToMillis(SimTime t) { return static_cast<double>(t) / kMillisecond; }
inline constexpr double ToMicros(SimTime t) { return static_cast<double>(t) / kMicrosecond; }

// Parses "250us", "1.5ms", "30s", "2m", "100ns" (a bare number is seconds).
// Returns false on malformed input or a negative value.
bool ParseDuration(std::string_view text, SimTime* out);
std::string FormatDuration(SimTime t);

// The reading side of time. Strategies and backends ask an injected Clock, never
// the wall clock: the simulator is one Clock, the live backend's wall clock another.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual SimTime Now() const = 0;
};

}  // namespace cachelab
