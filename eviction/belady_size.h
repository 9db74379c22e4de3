// Size-aware Belady as libCacheSim's BeladySize.c (commit aa0fc409): evict,
// among n-sample (128) objects drawn at random from the cache (with
// replacement), the one with the largest size x (next request - now). Needs
// next-access times (oracleGeneral, lcs traces), like `belady`.
// Quirks kept: an object never requested again is not inserted (room is still
// made for it first), and a hit whose next request is "never" removes the
// object. Source: Belady 1966 for the rule; the sampled size-weighted variant
// is libCacheSim's.
// NOT exact against cachesim: libCacheSim draws its samples from its own hash
// table's buckets with its own generator (bucket heads only, so biased by its
// hash layout); cachelab draws uniformly over cached objects with a seeded
// splitmix64 (`--seed`). Checked against cachesim within a stated tolerance
// (tests/eviction_belady_size_test.cc) and on hand-worked traces with
// n-sample at least the cache's object count squared, where sampling is
// (almost surely) exhaustive. `--policy-params beladysize:n-sample=128`.
#pragma once
#include "eviction/dropped_handles.h"
#include "eviction/dense_set.h"

namespace cachelab::eviction {

class BeladySizePolicy final : public Policy {
 public:
  explicit BeladySizePolicy(const PolicyOptions& o)
      : samples_(o.beladysize_samples < 1 ? 1 : o.beladysize_samples),
        rng_(o.seed * 0x9e3779b97f4a7c15ULL + 0x5851f42d4c957f2dULL) {}
  std::string_view Name() const override { return "beladysize"; }
  void OnMiss(uint64_t, uint64_t, uint64_t) override { ++tick_; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle, uint64_t) override { ++tick_; }
  void Remove(Handle h) override { cached_.Erase(h); }
  Handle Evict(uint64_t now) override;
  bool WantsNextAccess() const override { return true; }
  void SetNextAccess(Handle h, int64_t next) override;
  Handle TakeEvicted() override { return dropped_.Take(); }

 private:
  uint64_t Random();

  const int samples_;
  uint64_t rng_;
  uint64_t tick_ = 0;  // requests so far: the current request's index is tick_ - 1
  DenseHandleSet cached_;
  std::vector<int64_t> next_;
  std::vector<uint32_t> size_;
  DroppedHandles dropped_;
};

}  // namespace cachelab::eviction
