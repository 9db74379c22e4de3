// CLOCK-Pro (Jiang, Chen & Zhang, USENIX ATC'05). libCacheSim has none; this
// follows the paper's rules (Section 3.3) as restated here. One clock holds
// resident hot pages, resident cold pages and non-resident cold pages (ids of
// evicted cold pages still in their test period). Pages enter at the list head,
// just behind HAND_hot, the hot page with the largest recency (the tail).
// - While the cache first fills, pages enter hot up to m - m_c, then cold (the
//   authors' clock-pro.c does so; without it a loop longer than the cache
//   never gets a hot page and CLOCK-Pro misses as LRU does).
// - Hit: set the reference bit.
// - Miss on an id in its test period (non-resident): m_c += 1 (at most
//   m - floor), its entry is dropped, and it enters as a hot page. Any other
//   miss enters as a cold page in its test period.
// - Making room runs HAND_cold over resident cold pages: referenced and in its
//   test period -> hot, m_c += 1; referenced, not in test -> a new test period;
//   both with the bit cleared and moved to the head. Unreferenced -> evicted,
//   and kept as a non-resident page if still in its test period.
// - Whenever hot pages exceed m - m_c, HAND_hot runs: a referenced hot page has
//   its bit cleared; an unreferenced one turns cold (no test period) and HAND_hot
//   stops past it. A cold page HAND_hot passes ends its test period: a
//   non-resident one leaves the clock; if unreferenced, m_c -= 1 (at least the floor).
// - Non-resident pages are bounded by m: HAND_test removes the next one (ending
//   the test periods it passes, with the same m_c rule).
// m_c starts at its floor, clockpro min-cold-ratio (1%, at least 1) of m. In
// byte mode sizes count, and m_c moves by the page's size. Checked on
// hand-worked traces and against the authors' clock-pro.c (within 4% on the
// LIRS traces; it runs a fixed 5% cold allocation) in
// tests/eviction_research_policies_test.cc.
#pragma once
#include <vector>

#include "eviction/id_map.h"
#include "eviction/policy.h"

namespace cachelab::eviction {

class ClockProPolicy final : public Policy {
 public:
  explicit ClockProPolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "clockpro"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t) override { nodes_[node_of_[h]].ref = 1; }
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  void OnMiss(uint64_t id, uint64_t size, uint64_t now) override;
  uint64_t cold_target() const { return mc_; }
  // "H"/"C"/"N" (hot, resident cold, non-resident) per page from HAND_hot on, with
  // "r" for a set reference bit and "t" for a test period: for tests.
  std::string Describe() const;

 private:
  enum : uint8_t { kHot, kCold, kGhost };
  struct Node {
    uint64_t id;
    uint32_t size;
    Handle h;
    uint32_t prev, next;
    uint8_t state, ref, test;
  };
  static constexpr uint32_t kNil = UINT32_MAX;
  uint32_t NewNode();
  void Unlink(uint32_t n);    // hands on n move to its successor
  void PushHead(uint32_t n);  // just behind HAND_hot
  void Drop(uint32_t n);      // unlink and free
  void EndTest(uint32_t n);   // a hand passed a cold page in its test period
  void RunHandHot();
  void RunHandTest();
  void Grow(uint64_t by) { mc_ = mc_ + by > mc_max_ ? mc_max_ : mc_ + by; }
  void Shrink(uint64_t by) { mc_ = mc_ < mc_min_ + by ? mc_min_ : mc_ - by; }

  uint64_t m_, mc_min_, mc_max_, mc_;
  uint64_t hot_ = 0, cold_ = 0, ghost_ = 0;  // in the cache's unit
  std::vector<Node> nodes_;
  std::vector<uint32_t> free_;
  std::vector<uint32_t> node_of_;  // handle -> node
  IdMap ghosts_;                   // id -> node of a non-resident page
  uint32_t hand_hot_ = kNil, hand_cold_ = kNil, hand_test_ = kNil;
  bool enter_hot_ = false;  // the current miss was in its test period
  bool filled_ = false;     // room was made once: new pages now enter cold
};

}  // namespace cachelab::eviction
