#include "workloads/synthetic.h"

#include <algorithm>

#include "workloads/twin.h"

namespace cachelab {

SyntheticWorkload::SyntheticWorkload(const SyntheticConfig& config, uint64_t seed)
    : config_(config),
      seed_(seed),
      zipf_(config.keys, config.alpha),
      key_rng_(seed, "workload-keys"),
      op_rng_(seed, "workload-ops"),
      fixed_size_(static_cast<uint32_t>(std::clamp(config.value_size.Mean(), 0.0, kMaxValueSize))),
      fixed_only_(!config.twin && config.value_size.IsFixed()) {}

uint32_t SyntheticWorkload::DrawnSizeOf(uint64_t key) const {
  if (config_.twin) {
    Rng rng(seed_, "twin-size", key);
    return static_cast<uint32_t>(std::max<uint64_t>(1, config_.twin->object_size.Sample(rng)));
  }
  if (config_.value_size.IsFixed()) return fixed_size_;
  Rng rng(seed_, "value-size", key);
  double s = config_.value_size.Sample(rng);
  return static_cast<uint32_t>(std::clamp(s, 1.0, kMaxValueSize));
}

bool SyntheticWorkload::Next(Request* out) {
  if (produced_ >= config_.requests) return false;
  while (drawn_ < std::min(produced_ + kAhead, config_.requests)) ahead_[drawn_++ % kAhead] = zipf_.Draw(key_rng_);
  out->key = zipf_.Resolve(ahead_[produced_ % kAhead]);
  ++produced_;
  out->op = op_rng_.Uniform() < config_.read_fraction ? Op::kGet : Op::kSet;
  out->size = SizeOf(out->key);
  out->at = 0;
  out->ttl = 0;
  if (const TwinProfile* t = config_.twin.get()) {
    double u = op_rng_.Uniform();  // after the read/write draw: a twin has its own mix
    out->op = u < t->get_fraction ? Op::kGet : u < t->get_fraction + t->set_fraction ? Op::kSet : Op::kDelete;
    if (out->op == Op::kSet) out->ttl = static_cast<SimTime>(t->set_ttl_seconds.Sample(op_rng_)) * kSecond;
  }
  out->next_access = -1;
  return true;
}

}  // namespace cachelab
