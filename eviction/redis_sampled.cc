#include "eviction/redis_sampled.h"

#include <algorithm>
#include <cmath>

namespace cachelab::eviction {

RedisSampledPolicy::RedisSampledPolicy(Mode mode, const PolicyOptions& options)
    : mode_(mode), opt_(options), rng_(options.seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL) {
  if (opt_.samples < 1) opt_.samples = 1;
  if (opt_.pool_size < 1) opt_.pool_size = 1;
}

std::string_view RedisSampledPolicy::Name() const {
  switch (mode_) {
    case Mode::kLru: return "redis-lru";
    case Mode::kLfu: return "redis-lfu";
    case Mode::kRandom: return "random";
  }
  return "";
}

uint64_t RedisSampledPolicy::Next() {
  // splitmix64: cheap and deterministic.
  uint64_t z = (rng_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

void RedisSampledPolicy::Insert(Handle h, uint64_t, uint64_t, uint64_t now) {
  if (h >= meta_.size()) meta_.resize(h + 1);
  keys_.Insert(h);
  Meta& m = meta_[h];
  m.last_access = mode_ == Mode::kLfu ? now / 60000 : now;
  m.counter = 5;  // LFU_INIT_VAL
}

uint8_t RedisSampledPolicy::DecayedCounter(const Meta& m, uint64_t now) const {
  // LFUDecrAndReturn: decrement by elapsed decay periods (minutes).
  if (opt_.lfu_decay_time <= 0) return m.counter;
  uint64_t minutes = now / 60000;
  uint64_t elapsed = minutes >= m.last_access ? minutes - m.last_access : 0;
  uint64_t periods = elapsed / static_cast<uint64_t>(opt_.lfu_decay_time);
  return periods >= m.counter ? 0 : static_cast<uint8_t>(m.counter - periods);
}

uint8_t RedisSampledPolicy::LfuCounter(Handle h, uint64_t now) const { return DecayedCounter(meta_[h], now); }

void RedisSampledPolicy::Access(Handle h, uint64_t now) {
  Meta& m = meta_[h];
  if (mode_ == Mode::kLru) {
    m.last_access = now;
  } else if (mode_ == Mode::kLfu) {
    // updateLFU: decay, then LFULogIncr, then stamp the minute.
    uint8_t counter = DecayedCounter(m, now);
    if (counter < 255) {
      double r = static_cast<double>(Next() >> 11) * 0x1.0p-53;
      double baseval = counter > 5 ? counter - 5 : 0;
      double p = 1.0 / (baseval * opt_.lfu_log_factor + 1);
      if (r < p) ++counter;
    }
    m.counter = counter;
    m.last_access = now / 60000;
  }
}

void RedisSampledPolicy::Remove(Handle h) {
  keys_.Erase(h);
  pool_.erase(std::remove_if(pool_.begin(), pool_.end(), [h](const PoolEntry& e) { return e.h == h; }), pool_.end());
}

uint64_t RedisSampledPolicy::Score(Handle h, uint64_t now) const {
  const Meta& m = meta_[h];
  if (mode_ == Mode::kLru) return now >= m.last_access ? now - m.last_access : 0;
  return 255 - DecayedCounter(m, now);
}

Handle RedisSampledPolicy::Evict(uint64_t now) {
  if (keys_.empty()) return kNoHandle;
  Handle victim = kNoHandle;
  if (mode_ == Mode::kRandom) {
    victim = keys_.at(Next() % keys_.size());
  } else {
    // evictionPoolPopulate: with at least as many samples as keys, every key is
    // a candidate (and the choice is exact); otherwise sample with replacement.
    size_t n = keys_.size();
    size_t samples = static_cast<size_t>(opt_.samples);
    auto consider = [&](Handle h) {
      uint64_t score = Score(h, now);
      for (auto& e : pool_)
        if (e.h == h) return;  // already pooled
      size_t limit = static_cast<size_t>(opt_.pool_size);
      if (pool_.size() >= limit && score <= pool_.front().score) return;
      auto it = std::upper_bound(pool_.begin(), pool_.end(), score,
                                 [](uint64_t s, const PoolEntry& e) { return s < e.score; });
      pool_.insert(it, PoolEntry{score, h});
      if (pool_.size() > limit) pool_.erase(pool_.begin());
    };
    if (samples >= n) {
      for (size_t i = 0; i < n; ++i) consider(keys_.at(i));
    } else {
      for (size_t i = 0; i < samples; ++i) consider(keys_.at(Next() % n));
    }
    victim = pool_.back().h;
  }
  Remove(victim);
  return victim;
}

}  // namespace cachelab::eviction
