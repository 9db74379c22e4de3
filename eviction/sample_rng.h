// The random stream of the randomized eviction policies (Hyperbolic, LeCaR,
// LHD) and admission filters (prob, adaptsize): splitmix64 (Steele et al.,
// OOPSLA'14) from the seed, so the same seed gives the same evictions and
// refusals. (sim/rng.h has richer streams, but sim/ depends on eviction/.)
#pragma once
#include <cstdint>

namespace cachelab::eviction {

class SampleRng {
 public:
  explicit SampleRng(uint64_t seed) : s_(seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL) {}
  // The admission filters' stream: the same generator from another seed mix.
  static SampleRng ForAdmission(uint64_t seed) {
    SampleRng r(0);
    r.s_ = seed * 0xd1342543de82ef95ULL + 0x2545f4914f6cdd1dULL;
    return r;
  }
  uint64_t Next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // In [0, n) by multiply-shift (bias below 2^-32 for n < 2^32, irrelevant here).
  uint64_t Below(uint64_t n) { return static_cast<uint64_t>((static_cast<__uint128_t>(Next()) * n) >> 64); }
  // In [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t s_;
};

// Knuth's MMIX linear congruential generator, the stream libCacheSim's
// next_rand() returns (the state itself): with the seed a patched cachesim was
// given, a policy can replay that cachesim's own draws (Cacheus's tests do).
class MmixLcg {
 public:
  explicit MmixLcg(uint64_t seed) : s_(seed) {}
  uint64_t Next() { return s_ = s_ * 6364136223846793005ULL + 1442695040888963407ULL; }

 private:
  uint64_t s_;
};

}  // namespace cachelab::eviction
