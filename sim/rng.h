// Seeded random streams. Each component draws from its own stream, derived from
// (seed, stream name), so adding a component never changes the numbers another
// one sees. Own distributions (not <random>'s) keep results identical across
// standard-library versions.
#pragma once
#include <cmath>
#include <cstdint>
#include <string_view>

namespace cachelab {

inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// 64-bit FNV-1a: stable across platforms, used to name streams.
inline uint64_t Fnv1a64(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

inline uint64_t MixHash(uint64_t a, uint64_t b) {
  uint64_t s = a ^ (b * 0x9e3779b97f4a7c15ULL);
  return SplitMix64(s);
}

// xoshiro256** 1.0 (Blackman & Vigna).
class Rng {
 public:
  explicit Rng(uint64_t seed = 0) { Seed(seed); }
  Rng(uint64_t seed, std::string_view stream) { Seed(MixHash(seed, Fnv1a64(stream))); }
  Rng(uint64_t seed, std::string_view stream, uint64_t index) {
    Seed(MixHash(MixHash(seed, Fnv1a64(stream)), index));
  }

  void Seed(uint64_t seed) {
    uint64_t sm = seed;
    for (auto& w : s_) w = SplitMix64(sm);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in (0, 1]: safe for log().
  double UniformOpenZero() { return 1.0 - Uniform(); }
  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift, unbiased).
  uint64_t Below(uint64_t n) {
    __uint128_t m = static_cast<__uint128_t>(Next()) * n;
    uint64_t low = static_cast<uint64_t>(m);
    if (low < n) {
      uint64_t threshold = -n % n;
      while (low < threshold) {
        m = static_cast<__uint128_t>(Next()) * n;
        low = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }
  double Exponential(double mean) { return -mean * std::log(UniformOpenZero()); }
  // Standard normal by Box-Muller (one value per call, deterministic).
  double Normal() {
    double u1 = UniformOpenZero(), u2 = Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
  }
  bool Bernoulli(double p) { return Uniform() < p; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace cachelab
