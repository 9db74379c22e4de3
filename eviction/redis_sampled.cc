#include "eviction/redis_sampled.h"

#include <algorithm>
#include <cmath>

namespace cachelab::eviction {

RedisSampledPolicy::RedisSampledPolicy(Mode mode, const PolicyOptions& options)
    : mode_(mode), opt_(options), rng_(options.seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL) {
  if (opt_.samples < 1) opt_.samples = 1;
  if (opt_.pool_size < 1) opt_.pool_size = 1;
  if (opt_.lru_clock_resolution_ms < 1) opt_.lru_clock_resolution_ms = 1;
}

std::string_view RedisSampledPolicy::Name() const {
  switch (mode_) {
    case Mode::kLru:
      return "redis-lru";
    case Mode::kLfu:
      return "redis-lfu";
    case Mode::kRandom:
      return "random";
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

uint64_t RedisSampledPolicy::LruClock(uint64_t now) const {
  return now / static_cast<uint64_t>(opt_.lru_clock_resolution_ms);
}

void RedisSampledPolicy::Insert(Handle h, uint64_t id, uint64_t, uint64_t now) {
  if (h >= meta_.size()) meta_.resize(h + 1 + h / 2);
  keys_.Insert(h);
  if (opt_.pool_by_id) by_id_[id] = h;
  Meta& m = meta_[h];
  m.id = id;
  if (opt_.dict_sampling) DictAdd(h);
  m.last_access = mode_ == Mode::kLfu ? now / 60000 : LruClock(now);
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
    m.last_access = LruClock(now);
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

// Pool entries of removed keys stay, as in Redis; Evict skips them.
void RedisSampledPolicy::Remove(Handle h) {
  if (keys_.Erase(h) && opt_.pool_by_id) by_id_.erase(meta_[h].id);
  if (opt_.dict_sampling) DictRemove(h);
}

static uint64_t Bucket(uint64_t id, uint64_t seed, size_t size) {
  uint64_t z = id ^ (seed * 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return (z ^ (z >> 31)) & (size - 1);
}

// dictAdd: a new entry goes to the head of its chain; the table doubles when
// it holds as many keys as buckets (rehashing moves each old chain head first
// to the new heads, which reverses it; done at once here).
void RedisSampledPolicy::DictAdd(Handle h) {
  if (buckets_.empty()) buckets_.resize(4);
  if (!external_buckets_ && keys_.size() > buckets_.size()) Rehash(buckets_.size() * 2, h);
  buckets_[Bucket(meta_[h].id, opt_.seed, buckets_.size())].push_back(h);
}

void RedisSampledPolicy::Rehash(size_t buckets, Handle skip) {
  std::vector<std::vector<Handle>> grown(buckets);
  for (auto& chain : buckets_)
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      if (*it != skip) grown[Bucket(meta_[*it].id, opt_.seed, grown.size())].push_back(*it);
  buckets_.swap(grown);
}

void RedisSampledPolicy::SetDictBuckets(size_t buckets) {
  if (!opt_.dict_sampling || buckets < 4) return;  // an emptied dict: keep the table
  external_buckets_ = true;
  if (buckets != buckets_.size()) Rehash(buckets, kNoHandle);
}

size_t RedisSampledPolicy::DictChainLength(Handle h) const {
  for (const auto& chain : buckets_)
    if (std::find(chain.begin(), chain.end(), h) != chain.end()) return chain.size();
  return 0;
}

size_t RedisSampledPolicy::DictNonEmptyBuckets() const {
  return static_cast<size_t>(
      std::count_if(buckets_.begin(), buckets_.end(), [](const std::vector<Handle>& c) { return !c.empty(); }));
}

// dict.c dictGetRandomKey (not rehashing: the model rehashes at once).
Handle RedisSampledPolicy::DictRandomKey() {
  const size_t mask = buckets_.size() - 1;
  const std::vector<Handle>* chain;
  do chain = &buckets_[Next() & mask];
  while (chain->empty());
  // The chain's element `Next() % length` counted from the head (the back).
  return (*chain)[chain->size() - 1 - Next() % chain->size()];
}

void RedisSampledPolicy::DictRemove(Handle h) {
  if (buckets_.empty()) return;
  auto& chain = buckets_[Bucket(meta_[h].id, opt_.seed, buckets_.size())];
  auto it = std::find(chain.begin(), chain.end(), h);
  if (it != chain.end()) chain.erase(it);
}

// dictGetSomeKeys (7.0.12+, redis#12276): from a random bucket, walk
// consecutive buckets taking whole chains (head first) until `count` keys or
// count*10 steps; after a run of more than max(count, 4) empty buckets, jump
// to another random bucket. The chain that reaches `count` is read to its end
// by reservoir sampling: its k-th key past the count replaces a random one of
// the `count` picks with chance count/k. Then the picks go to the pool in
// order (with tied scores only the first enters a pool with one free slot).
void RedisSampledPolicy::DictSample(uint64_t now) {
  Handle picks[64];  // maxmemory-samples is at most 64 in Redis
  const size_t count = std::min<size_t>({static_cast<size_t>(opt_.samples), keys_.size(), 64});
  const size_t mask = buckets_.size() - 1;
  size_t steps = count * 10, stored = 0, emptylen = 0;
  size_t i = Next() & mask;
  while (stored < count && steps--) {
    const auto& chain = buckets_[i];
    if (chain.empty()) {
      if (++emptylen >= 5 && emptylen > count) {
        i = Next() & mask;
        emptylen = 0;
      }
    } else {
      emptylen = 0;
      for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (stored < count) {
          picks[stored] = *it;
        } else if (size_t r = Next() % (stored + 1); r < count) {
          picks[r] = *it;
        }
        ++stored;
      }
      if (stored >= count) break;
    }
    i = (i + 1) & mask;
  }
  for (size_t k = 0; k < std::min(stored, count); ++k) Consider(picks[k], now);
}

uint64_t RedisSampledPolicy::Score(Handle h, uint64_t now) const {
  const Meta& m = meta_[h];
  if (mode_ == Mode::kLru) {
    uint64_t clock = LruClock(now);
    return (clock >= m.last_access ? clock - m.last_access : 0) * static_cast<uint64_t>(opt_.lru_clock_resolution_ms);
  }
  return 255 - DecayedCounter(m, now);
}

void RedisSampledPolicy::Consider(Handle h, uint64_t now) {
  const uint64_t score = Score(h, now);
  const size_t limit = static_cast<size_t>(opt_.pool_size);
  // Redis stops at the first entry whose score is >= ours: we go before ties.
  auto it =
      std::lower_bound(pool_.begin(), pool_.end(), score, [](const PoolEntry& e, uint64_t s) { return e.score < s; });
  if (it == pool_.begin() && pool_.size() >= limit) return;  // worse than the worst of a full pool
  pool_.insert(it, PoolEntry{score, h, meta_[h].id});
  if (pool_.size() > limit) pool_.erase(pool_.begin());  // drop the worst
}

void RedisSampledPolicy::Populate(uint64_t now) {
  if (opt_.dict_sampling) return DictSample(now);
  // dictGetSomeKeys: up to `samples` distinct keys (all of them if fewer).
  size_t n = keys_.size();
  size_t samples = static_cast<size_t>(opt_.samples);
  if (samples >= n) {
    for (size_t i = 0; i < n; ++i) Consider(keys_.at(i), now);
    return;
  }
  size_t picked[64];
  size_t count = 0;
  samples = std::min<size_t>(samples, 64);
  while (count < samples) {
    size_t i = Next() % n;
    if (std::find(picked, picked + count, i) != picked + count) continue;
    picked[count++] = i;
    Consider(keys_.at(i), now);
  }
}

Handle RedisSampledPolicy::Evict(uint64_t now) {
  if (keys_.empty()) return kNoHandle;
  Handle victim = kNoHandle;
  if (mode_ == Mode::kRandom) {
    victim = opt_.dict_sampling ? DictRandomKey() : keys_.at(Next() % keys_.size());
  } else {
    // performEvictions: populate, then take the best entry whose key still
    // exists, dropping stale ones; repopulate if the pool held only stale keys.
    while (victim == kNoHandle) {
      Populate(now);
      while (!pool_.empty()) {
        PoolEntry e = pool_.back();
        pool_.pop_back();
        if (opt_.pool_by_id) {
          auto it = by_id_.find(e.id);  // dictFind by name: maybe a later incarnation
          if (it != by_id_.end()) {
            victim = it->second;
            break;
          }
        } else if (keys_.Contains(e.h) && meta_[e.h].id == e.id) {
          victim = e.h;
          break;
        }
      }
    }
  }
  keys_.Erase(victim);
  if (opt_.pool_by_id) by_id_.erase(meta_[victim].id);
  if (opt_.dict_sampling) DictRemove(victim);
  return victim;
}

}  // namespace cachelab::eviction
