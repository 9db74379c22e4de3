// When each recent version of a key was committed, so the runner can say how
// long a stale read's version had been superseded (its staleness age): the
// commit time of version v + 1. The last kDepth commits per key are kept; an
// older version's age is bounded below by the oldest one remembered (counted
// in truncated()).
#pragma once
#include <cstdint>
#include <vector>

#include "sim/key_ids.h"
#include "sim/time.h"

namespace cachelab {

class CommitHistory {
 public:
  // Keys by dense id (KeyIds).
  void OnCommit(uint32_t id, uint64_t version, SimTime at) {
    uint32_t& r = ring_of_.At(id).plus_one;
    if (r == 0) {
      rings_.emplace_back();
      r = static_cast<uint32_t>(rings_.size());
    }
    rings_[r - 1].at[version % kDepth] = at;
  }

  // REQUIRES: version < current (the read was stale).
  SimTime SupersededAt(uint32_t id, uint64_t version, uint64_t current) {
    const RingOf* of = ring_of_.Find(id);
    if (!of || of->plus_one == 0) return 0;
    const Ring* ring = &rings_[of->plus_one - 1];
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
  struct RingOf {
    uint32_t plus_one = 0;  // rings_ index + 1; 0: never written
  };
  DenseRows<RingOf> ring_of_;  // 4 bytes a key id
  std::vector<Ring> rings_;    // only keys ever written
  uint64_t truncated_ = 0;
};

}  // namespace cachelab
