// The random stream of the random admission filters (prob, adaptsize):
// SplitMix64 (Steele et al., OOPSLA'14) from the seed. Kept in eviction/, which
// depends on nothing but std (sim/rng.h sits above it).
#pragma once
#include <cstdint>

namespace cachelab::eviction {

class AdmissionRandom {
 public:
  explicit AdmissionRandom(uint64_t seed) : state_(seed * 0xd1342543de82ef95ULL + 0x2545f4914f6cdd1dULL) {}
  // Uniform in [0, 1) with 53 random bits.
  double Uniform() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
  }

 private:
  uint64_t state_;
};

}  // namespace cachelab::eviction
