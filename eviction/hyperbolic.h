// Hyperbolic caching (Blankstein, Sen & Freedman, USENIX ATC'17), as
// libCacheSim's Hyperbolic.c runs it: an object's priority is its request count
// since it entered the cache divided by the requests seen since then,
// n / (t_now - t_enter), counted in requests (the cache's virtual clock, not the
// trace's time). Eviction draws `n-sample` (64) cached objects uniformly with
// replacement and evicts the lowest priority, the first drawn among ties. Like
// libCacheSim's version, the priority ignores size (the paper's cost/size
// variant is not implemented). libCacheSim draws a random hash bucket and takes
// its chain's head, with a per-thread LCG seeded 0 in cachesim's workers; we
// draw uniformly from a dense array, so the two agree in distribution, not
// eviction by eviction (tests/eviction_randomized_reference_test.cc).
#pragma once
#include "eviction/dense_set.h"
#include "eviction/sample_rng.h"

namespace cachelab::eviction {

class HyperbolicPolicy final : public Policy {
 public:
  explicit HyperbolicPolicy(const PolicyOptions& o) : samples_(o.hyperbolic_samples), rng_(o.seed) {}
  std::string_view Name() const override { return "hyperbolic"; }
  void Insert(Handle h, uint64_t, uint64_t, uint64_t) override {
    if (h >= meta_.size()) meta_.resize(h + 1 + h / 2);
    meta_[h] = Meta{1, vtime_};
    set_.Insert(h);
  }
  void Access(Handle h, uint64_t) override {
    ++vtime_;
    ++meta_[h].freq;
  }
  void OnMiss(uint64_t, uint64_t, uint64_t) override { ++vtime_; }
  void Remove(Handle h) override { set_.Erase(h); }
  Handle Evict(uint64_t) override {
    if (set_.empty()) return kNoHandle;
    Handle best = kNoHandle;
    double best_score = 0;
    for (int i = 0; i < samples_; ++i) {
      const Handle h = set_.at(rng_.Below(set_.size()));
      // Age >= 1: an object is inserted after the evictions of its own request.
      const double score = static_cast<double>(meta_[h].freq) / static_cast<double>(vtime_ - meta_[h].enter);
      if (best == kNoHandle || score < best_score) best = h, best_score = score;
    }
    set_.Erase(best);
    return best;
  }

 private:
  struct Meta {
    uint64_t freq, enter;
  };
  int samples_;
  SampleRng rng_;
  DenseHandleSet set_;
  std::vector<Meta> meta_;
  uint64_t vtime_ = 0;  // requests seen (hits and misses), libCacheSim's n_req
};

}  // namespace cachelab::eviction
