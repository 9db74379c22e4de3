// LeCaR (Vietri et al., HotStorage'18), as libCacheSim's LeCaR.c runs it: two
// experts over the same cached objects, LRU (least recent) and LFU (lowest
// count since entry, earliest into that count first). When their candidates
// differ, the victim is LRU's with probability w_lru (libCacheSim draws
// r = (rand % 100) / 100 and takes LRU if r < w_lru), else LFU's; it goes to
// that expert's ghost FIFO (each bounded to half the cache, bytes in byte mode)
// with the request count at eviction. When they agree, the victim leaves no
// ghost. A miss found in expert E's ghost is E's regret: with t requests since
// that eviction, w_E *= exp(-lr * d^t), d = 0.005^(1/cache size), then both
// weights are renormalised (with libCacheSim's 1e-10 floors). Objects re-enter
// with count 1. Parameters: learning-rate (0.45), lru-weight (0.5, the start),
// update-weight (1; 0 keeps the weights fixed). Randomized: compared with
// cachesim in distribution (tests/eviction_randomized_reference_test.cc).
#pragma once
#include "eviction/ghost_ring.h"
#include "eviction/handle_list.h"
#include "eviction/id_map.h"
#include "eviction/lfu.h"
#include "eviction/sample_rng.h"

namespace cachelab::eviction {

class LeCaRPolicy final : public Policy {
 public:
  explicit LeCaRPolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "lecar"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  void OnMiss(uint64_t id, uint64_t size, uint64_t now) override;
  double lru_weight() const { return w_lru_; }

 private:
  void Regret(uint64_t id, double* w_update, double* w_other);
  void ToGhost(GhostList* ghost, Handle h);

  const uint64_t ghost_cap_;
  const double lr_, discount_;
  const bool update_;
  double w_lru_, w_lfu_;
  SampleRng rng_;
  uint32_t vtime_ = 0;  // requests seen, mod 2^32 (only differences are used)
  Links links_;
  HandleList lru_{&links_};
  LfuPolicy lfu_;
  GhostList ghost_lru_, ghost_lfu_;
  IdMap evicted_at_;  // ghost id -> vtime of its eviction
  std::vector<uint64_t> ids_;
  std::vector<uint32_t> sizes_;
};

}  // namespace cachelab::eviction
