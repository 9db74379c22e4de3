// Caffeine's hill climber for the W-TinyLFU window (BoundedLocalCache's
// determineAdjustment, Caffeine 3.x): hits and misses are sampled; after each
// full sample, if the hit rate rose (or held) since the previous sample the
// window keeps moving in the same direction, else it turns round. The step
// starts at -6.25% of the cache (shrink first), restarts at +-6.25% when the hit
// rate jumps by 5 points or more, and otherwise decays by 0.98 a sample.
// The amount is kept as "pending": the caller moves what it can and returns the
// rest (Caffeine's setAdjustment(quota) after a transfer).
#pragma once
#include <cmath>
#include <cstdint>

namespace cachelab::eviction {

class HillClimber {
 public:
  static constexpr double kStepPercent = 0.0625, kRestartThreshold = 0.05, kStepDecay = 0.98;

  HillClimber(int64_t maximum, uint64_t sample_size)
      : maximum_(maximum), sample_size_(sample_size), step_(-kStepPercent * static_cast<double>(maximum)) {}

  void Hit() { ++hits_; }
  void Miss() { ++misses_; }
  // Caffeine before its sketch is initialised (cache less than half full): no history.
  void Forget() { previous_hit_rate_ = 0, hits_ = 0, misses_ = 0; }

  // After a full sample: the new adjustment (Caffeine truncates it to a long).
  // Otherwise the pending one, unchanged.
  int64_t Adjustment() {
    const uint64_t requests = hits_ + misses_;
    if (requests < sample_size_) return pending_;
    const double hit_rate = static_cast<double>(hits_) / static_cast<double>(requests);
    const double change = hit_rate - previous_hit_rate_;
    const double amount = change >= 0 ? step_ : -step_;
    step_ = std::fabs(change) >= kRestartThreshold ? kStepPercent * static_cast<double>(maximum_) * (amount >= 0 ? 1 : -1)
                                                   : kStepDecay * amount;
    previous_hit_rate_ = hit_rate;
    hits_ = misses_ = 0;
    pending_ = static_cast<int64_t>(amount);
    ++samples_;
    return pending_;
  }
  void SetPending(int64_t left) { pending_ = left; }
  double step() const { return step_; }
  uint64_t samples() const { return samples_; }

 private:
  int64_t maximum_;
  uint64_t sample_size_;
  double step_, previous_hit_rate_ = 0;
  uint64_t hits_ = 0, misses_ = 0, samples_ = 0;
  int64_t pending_ = 0;
};

}  // namespace cachelab::eviction
