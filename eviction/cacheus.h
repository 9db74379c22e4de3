// Cacheus (Rodriguez et al., "Learning Cache Replacement with CACHEUS",
// FAST'21), as libCacheSim's Cacheus.c, SR_LRU.c and CR_LFU.c (commit
// aa0fc409) run it from cachesim. Two experts track the same cached objects:
// - SR-LRU: a scan-resistant list SR (new objects) and a churn-resistant list
//   R (objects back from its history H), each an LRU of half the cache. A hit
//   in SR moves the object to R's front; R's overflow is demoted to SR's
//   front. Its candidate is SR's least recent (R's when SR is empty). SR's own
//   overflow on an insert leaves the cache outright (no ghost, no vote). In
//   libCacheSim the paper's adaptive SR/R split never fires (the demoted and
//   new flags it reads sit on freshly created, zeroed objects), so here the
//   halves are fixed, as cachesim runs them.
// - CR-LFU: lowest count, ties to the most recent arrival at that count. An
//   object leaving the cache leaves its count in H (an LRU of ids bounded to
//   the cache size, trimmed while full); a miss found in H re-enters with that
//   count + 1, into R.
// When the candidates differ the victim is SR-LRU's with probability w_lru
// (r = (rand % 100) / 100 < w_lru), else CR-LFU's, and its id goes to that
// expert's ghost LRU (each half the cache, bytes in byte mode). A miss found
// in expert E's ghost is E's regret: w_E *= exp(-lr), then both weights are
// renormalised. Every cache-size requests the learning rate lr moves by hill
// climbing on the hit-rate change: libCacheSim takes the hit rate as an integer
// quotient (hits / interval, so 0 unless every request hit), which this
// reproduces; after 10 updates without a rate change and then a rise, lr is
// redrawn from [0.001, 1]. lr starts at 0.408, as in every cachesim run with
// one cache size (libCacheSim draws it from its generator before seeding it). Objects larger than half the cache make
// room and are then not inserted, as in libCacheSim. Randomized: compared with
// cachesim in distribution (tests/eviction_randomized_reference_test.cc), and
// exactly against a cachesim seeded by hand when drawing as it does
// (libcachesim-draws: its MMIX generator, one draw per eviction).
// Parameters: seed, lru-weight (the start, 0.5), learning-rate (the start,
// 0.408), libcachesim-draws (0).
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "eviction/dropped_handles.h"
#include "eviction/handle_list.h"
#include "eviction/ghost_ring.h"
#include "eviction/id_lru.h"
#include "eviction/lfu.h"
#include "eviction/sample_rng.h"

namespace cachelab::eviction {

class CacheusPolicy final : public Policy {
 public:
  explicit CacheusPolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "cacheus"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  void OnMiss(uint64_t id, uint64_t size, uint64_t now) override;
  Handle TakeEvicted() override { return dropped_.Take(); }
  double lru_weight() const { return w_lru_; }
  double learning_rate() const { return lr_; }

 private:
  struct Frequency {
    uint64_t count = 0;
  };
  uint64_t Draw(uint64_t n) { return mmix_ ? mmix_->Next() % n : rng_.Below(n); }
  void BeginRequest();
  void UpdateLearningRate();
  void PushR(Handle h);
  void PushSr(Handle h);
  void DemoteWhileOver(uint64_t r_limit);
  // The object leaves both experts; its id and count go to H.
  void ToHistory(Handle h);
  void ToGhost(GhostList* ghost, Handle h);

  const uint64_t capacity_, half_, ghost_cap_, interval_;
  double w_lru_, w_lfu_, lr_, lr_prev_ = 0, hit_rate_prev_ = 0;
  uint64_t hits_ = 0, requests_ = 0, unlearn_ = 0;
  SampleRng rng_;
  std::optional<MmixLcg> mmix_;  // libcachesim-draws
  Links links_;
  HandleList r_{&links_}, sr_{&links_};
  uint64_t r_bytes_ = 0, sr_bytes_ = 0;
  LfuPolicy lfu_;
  IdLru<Frequency> history_;
  GhostList ghost_lru_, ghost_lfu_;
  DroppedHandles dropped_;
  std::vector<uint64_t> ids_;
  std::vector<uint32_t> sizes_;
  std::vector<uint8_t> in_r_;
};

}  // namespace cachelab::eviction
