// When each recent version of a key was committed, so the runner can say how
// long a stale read's version had been superseded (its staleness age): the
// commit time of version v + 1. The last kDepth commits per key are kept; an
// older version's age is bounded below by the oldest one remembered (counted
// in truncated()).
#pragma once
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "sim/time.h"

namespace cachelab {

class CommitHistory {
 public:
  void OnCommit(uint64_t key, uint64_t version, SimTime at) { RingOf(key, true)->at[version % kDepth] = at; }

  // REQUIRES: version < current (the read was stale).
  SimTime SupersededAt(uint64_t key, uint64_t version, uint64_t current) {
    const Ring* ring = RingOf(key, false);
    if (!ring) return 0;
    uint64_t next = version + 1;
    if (current - version > kDepth) {
      next = current - kDepth + 1;
      ++truncated_;
    }
    return ring->at[next % kDepth];
  }
  uint64_t truncated() const { return truncated_; }

 private:
  static constexpr uint64_t kDepth = 8;
  struct Ring {
    SimTime at[kDepth] = {};
  };
  // Dense ids (synthetic keyspaces) index a vector; others go to a map.
  Ring* RingOf(uint64_t key, bool create) {
    if (key >= kDense) {
      if (!create && !sparse_.count(key)) return nullptr;
      return &sparse_[key];
    }
    if (key >= slot_.size()) {
      if (!create) return nullptr;
      slot_.resize(key + 1, 0);
    }
    if (slot_[key] == 0) {
      if (!create) return nullptr;
      rings_.emplace_back();
      slot_[key] = static_cast<uint32_t>(rings_.size());
    }
    return &rings_[slot_[key] - 1];
  }
  static constexpr uint64_t kDense = 1 << 26;
  std::vector<uint32_t> slot_;  // key -> 1 + index in rings_ (0: never written)
  std::vector<Ring> rings_;
  std::unordered_map<uint64_t, Ring> sparse_;
  uint64_t truncated_ = 0;
};

}  // namespace cachelab
