// The synthetic workload: a keyspace of `keys` keys with Zipf(alpha)
// popularity, a read fraction, and value sizes from a distribution. A key's
// value size is fixed for the run (drawn from its own stream), as a real
// object's would be. Arrival times are left to the runner's arrival process.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "sim/distribution.h"
#include "sim/rng.h"
#include "workloads/trace_reader.h"
#include "workloads/zipf.h"

namespace cachelab {

// Redis's proto-max-bulk-len: no value may be larger (512 MiB).
inline constexpr double kMaxValueSize = 512.0 * 1024 * 1024;

struct SyntheticConfig {
  uint64_t keys = 100000;
  double alpha = 0.99;
  double read_fraction = 0.9;
  uint64_t requests = 1000000;
  Distribution value_size = Distribution::Fixed(1024);
  // A trace's twin (twin.h): then sizes, the op mix and set TTLs come from it
  // (alpha, keys and requests stay as set above).
  std::shared_ptr<const struct TwinProfile> twin;  // declares cachelab::TwinProfile
};

class SyntheticWorkload final : public TraceReader {
 public:
  SyntheticWorkload(const SyntheticConfig& config, uint64_t seed);
  bool Next(Request* out) override;
  std::string Name() const override { return "zipf"; }
  uint32_t SizeOf(uint64_t key) const { return fixed_only_ ? fixed_size_ : DrawnSizeOf(key); }
  // The key of the request `k` calls of Next() from now, when it is drawn
  // already (k < kAhead - 1): a caller prefetches what it will need for it.
  // Consumes no random number: the workload's sequence is unchanged.
  bool Upcoming(uint64_t k, uint64_t* key) const {
    if (produced_ + k >= drawn_) return false;
    *key = zipf_.Resolve(ahead_[(produced_ + k) % kAhead]);
    return true;
  }
  const ZipfSampler& zipf() const { return zipf_; }

 private:
  SyntheticConfig config_;
  uint64_t seed_;
  ZipfSampler zipf_;
  Rng key_rng_, op_rng_;
  uint64_t produced_ = 0;
  uint32_t fixed_size_;  // every key's size when value_size is fixed
  bool fixed_only_;      // ... and no twin: SizeOf is fixed_size_, inline
  uint32_t DrawnSizeOf(uint64_t key) const;
  // Keys drawn kAhead requests early (key_rng_ serves nothing else, so the
  // sequence is unchanged): the alias cell is in cache when the key is needed.
  static constexpr uint64_t kAhead = 8;
  ZipfSampler::Pending ahead_[kAhead];
  uint64_t drawn_ = 0;
};

}  // namespace cachelab
