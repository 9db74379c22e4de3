#include "eviction/redis_sampled.h"

#include <algorithm>
#include <cmath>

namespace cachelab::eviction {

RedisSampledPolicy::RedisSampledPolicy(Mode mode, const PolicyOptions& options)
    : mode_(mode),
      opt_(options),
      pool_(static_cast<size_t>(std::max(options.pool_size, 1))),
      rng_(options.seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL) {
  if (opt_.samples < 1) opt_.samples = 1;
  if (opt_.pool_size < 1) opt_.pool_size = 1;
  if (opt_.lru_clock_resolution_ms < 1) opt_.lru_clock_resolution_ms = 1;
  dict_ = opt_.dict_sampling || opt_.pool_by_id;
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
  if (dict_ && keys_.Contains(h)) DictRemove(h);  // inserted again while tracked: relinked under its new id
  keys_.Insert(h);
  Meta& m = meta_[h];
  m.id = id;
  if (dict_) DictAdd(h);
  m.last_access = mode_ == Mode::kLfu ? now / 60000 : LruClock(now);
  m.counter = 5;  // LFU_INIT_VAL
}

uint8_t RedisSampledPolicy::DecayedCounter(const Meta& m, uint64_t now) const {
  return DecayedCounterAt(m, now / 60000);
}

uint8_t RedisSampledPolicy::DecayedCounterAt(const Meta& m, uint64_t minutes) const {
  // LFUDecrAndReturn: decrement by elapsed decay periods (minutes).
  if (opt_.lfu_decay_time <= 0) return m.counter;
  uint64_t elapsed = minutes >= m.last_access ? minutes - m.last_access : 0;
  uint64_t periods = elapsed / static_cast<uint64_t>(opt_.lfu_decay_time);
  return periods >= m.counter ? 0 : static_cast<uint8_t>(m.counter - periods);
}

uint8_t RedisSampledPolicy::LfuCounter(Handle h, uint64_t now) const { return DecayedCounter(meta_[h], now); }

uint64_t RedisSampledPolicy::IdleMs(Handle h, uint64_t now) const {
  uint64_t clock = LruClock(now), last = meta_[h].last_access;
  return (clock >= last ? clock - last : 0) * static_cast<uint64_t>(opt_.lru_clock_resolution_ms);
}

void RedisSampledPolicy::Access(Handle h, uint64_t now) {
  Meta& m = meta_[h];
  if (mode_ != Mode::kLfu) {  // Redis stamps the LRU clock under every non-LFU policy (OBJECT IDLETIME)
    m.last_access = LruClock(now);
  } else {
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
  if (keys_.Erase(h) && dict_) DictRemove(h);
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
  if (heads_.empty()) heads_.assign(4, kNoHandle);
  if (!external_buckets_ && keys_.size() > heads_.size()) Rehash(heads_.size() * 2);
  Handle& head = heads_[Bucket(meta_[h].id, opt_.seed, heads_.size())];
  meta_[h].next = head;
  head = h;
}

void RedisSampledPolicy::Rehash(size_t buckets) {
  std::vector<Handle> grown(buckets, kNoHandle);
  for (Handle h : heads_)
    while (h != kNoHandle) {
      Meta& m = meta_[h];
      const Handle next = m.next;
      Handle& head = grown[Bucket(m.id, opt_.seed, buckets)];
      m.next = head;
      head = h;
      h = next;
    }
  heads_.swap(grown);
}

void RedisSampledPolicy::Resize(size_t buckets) {
  external_buckets_ = true;
  if (buckets != heads_.size()) Rehash(buckets);
}

size_t RedisSampledPolicy::DictChainLength(Handle h) const {
  for (Handle head : heads_) {
    size_t length = 0;
    bool found = false;
    for (Handle k = head; k != kNoHandle; k = meta_[k].next, ++length) found |= k == h;
    if (found) return length;
  }
  return 0;
}

size_t RedisSampledPolicy::DictNonEmptyBuckets() const {
  return static_cast<size_t>(std::count_if(heads_.begin(), heads_.end(), [](Handle h) { return h != kNoHandle; }));
}

// dict.c dictGetRandomKey (not rehashing: the model rehashes at once).
Handle RedisSampledPolicy::DictTakeRandomKey() {
  const size_t mask = heads_.size() - 1;
  Handle* link;
  do link = &heads_[Next() & mask];
  while (*link == kNoHandle);
  size_t length = 0;
  for (Handle k = *link; k != kNoHandle; k = meta_[k].next) ++length;
  // The chain's element `Next() % length` counted from the head.
  for (size_t steps = Next() % length; steps > 0; --steps) link = &meta_[*link].next;
  const Handle h = *link;
  *link = meta_[h].next;
  return h;
}

// Unlinks h (a tracked key) from its chain.
void RedisSampledPolicy::DictRemove(Handle h) {
  if (heads_.empty()) return;
  Handle* link = &heads_[Bucket(meta_[h].id, opt_.seed, heads_.size())];
  while (*link != kNoHandle && *link != h) link = &meta_[*link].next;
  if (*link == h) *link = meta_[h].next;
}

Handle RedisSampledPolicy::DictTake(uint64_t id) {
  if (heads_.empty()) return kNoHandle;
  Handle* link = &heads_[Bucket(id, opt_.seed, heads_.size())];
  while (*link != kNoHandle && meta_[*link].id != id) link = &meta_[*link].next;
  const Handle h = *link;
  if (h != kNoHandle) *link = meta_[h].next;
  return h;
}

RedisSampledPolicy::ScoreClock RedisSampledPolicy::ClockAt(uint64_t now) const {
  return {mode_ == Mode::kLru ? LruClock(now) : now / 60000};
}

[[gnu::always_inline]] inline uint64_t RedisSampledPolicy::Score(Handle h, ScoreClock clock) const {
  const Meta& m = meta_[h];
  if (mode_ == Mode::kLru) {
    return (clock.ticks >= m.last_access ? clock.ticks - m.last_access : 0) *
           static_cast<uint64_t>(opt_.lru_clock_resolution_ms);
  }
  return 255 - DecayedCounterAt(m, clock.ticks);
}

[[gnu::always_inline]] inline void RedisSampledPolicy::Consider(Handle h, ScoreClock clock) {
  pool_.Insert({Score(h, clock), h, meta_[h].id});
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
  const size_t mask = heads_.size() - 1;
  size_t steps = count * 10, stored = 0, emptylen = 0;
  size_t i = Next() & mask;
  while (stored < count && steps--) {
    const Handle head = heads_[i];
    if (head == kNoHandle) {
      if (++emptylen >= 5 && emptylen > count) {
        i = Next() & mask;
        emptylen = 0;
      }
    } else {
      emptylen = 0;
      for (Handle k = head; k != kNoHandle; k = meta_[k].next) {
        if (stored < count) {
          picks[stored] = k;
        } else if (size_t r = Next() % (stored + 1); r < count) {
          picks[r] = k;
        }
        ++stored;
      }
      if (stored >= count) break;
    }
    i = (i + 1) & mask;
  }
  const ScoreClock clock = ClockAt(now);
  for (size_t k = 0; k < std::min(stored, count); ++k) Consider(picks[k], clock);
}

void RedisSampledPolicy::Populate(uint64_t now) {
  if (opt_.dict_sampling) return DictSample(now);
  // dictGetSomeKeys: up to `samples` distinct keys (all of them if fewer).
  size_t n = keys_.size();
  size_t samples = static_cast<size_t>(opt_.samples);
  const ScoreClock clock = ClockAt(now);
  if (samples >= n) {
    for (size_t i = 0; i < n; ++i) Consider(keys_.at(i), clock);
    return;
  }
  size_t picked[64];
  size_t count = 0;
  samples = std::min<size_t>(samples, 64);
  while (count < samples) {
    size_t i = Next() % n;
    if (std::find(picked, picked + count, i) != picked + count) continue;
    picked[count++] = i;
    Consider(keys_.at(i), clock);
  }
}

Handle RedisSampledPolicy::Evict(uint64_t now) {
  if (keys_.empty()) return kNoHandle;
  Handle victim = kNoHandle;
  bool unlinked = false;  // taken out of the key table already
  if (mode_ == Mode::kRandom) {
    unlinked = opt_.dict_sampling;
    victim = unlinked ? DictTakeRandomKey() : keys_.at(Next() % keys_.size());
  } else {
    // performEvictions: populate, then take the best entry whose key still
    // exists, dropping stale ones; repopulate if the pool held only stale keys.
    unlinked = opt_.pool_by_id;  // found by name (dictFind): maybe a later incarnation
    while (victim == kNoHandle) {
      Populate(now);
      while (!pool_.empty() && victim == kNoHandle) {
        const EvictionPool::Entry e = pool_.PopBest();
        if (unlinked)
          victim = DictTake(e.id);
        else if (keys_.Contains(e.h) && meta_[e.h].id == e.id)
          victim = e.h;
      }
    }
  }
  keys_.Erase(victim);
  if (dict_ && !unlinked) DictRemove(victim);
  return victim;
}

}  // namespace cachelab::eviction
