// Caffeine's adaptive W-TinyLFU: the `wtinylfu` layout (window LRU, then a
// segmented main area judged by the count-min sketch) whose window size a hill
// climber tunes while the cache runs, as Caffeine ships it
// (BoundedLocalCache.climb, determineAdjustment, increaseWindow,
// decreaseWindow, demoteFromMainProtected, Caffeine 3.2.3; Einziger, Eytan,
// Friedman, Manes, "Adaptive Software Cache Management", Middleware'18).
//  - Sample: every hit and every insertion (miss) counts; a sample is
//    10 x the cache's entries (Caffeine's FrequencySketch.sampleSize; in byte
//    mode the expected number of cached objects). Before the cache is half
//    full the climber keeps no history (Caffeine's sketch is not initialised).
//  - After each request: demote protected overflow to probation, then apply
//    the pending adjustment (hill_climber.h). Growing the window takes the
//    quota from protected's maximum and moves probation's LRU entries (or
//    protected's when probation is empty or the entry is larger than what is
//    left) to the window's MRU end; shrinking moves the window's LRU entries to
//    probation's MRU end and gives the quota to protected. At most 1,000
//    entries move per request (QUEUE_TRANSFER_THRESHOLD); what could not move
//    stays pending. The window never shrinks below 1.
// Not checked against Caffeine's simulator (it needs the JVM and Caffeine's
// jars, not available here): tests/eviction_wtinylfu_adaptive_test.cc checks
// the climber on hand-worked sample sequences and the policy on properties.
#pragma once
#include "eviction/hill_climber.h"
#include "eviction/wtinylfu.h"

namespace cachelab::eviction {

class WTinyLfuAdaptivePolicy final : public WTinyLfuPolicy {
 public:
  explicit WTinyLfuAdaptivePolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "wtinylfu-adaptive"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;

  int64_t window_capacity() const { return window_cap_; }
  int64_t protected_capacity() const { return protected_cap_; }
  const HillClimber& climber() const { return climber_; }

 private:
  void Climb();
  void DemoteFromProtected();
  void IncreaseWindow(int64_t quota);
  void DecreaseWindow(int64_t quota);

  static constexpr int kTransferLimit = 1000;
  int64_t capacity_;
  bool warm_ = false;
  HillClimber climber_;
};

}  // namespace cachelab::eviction
