// When each recent version of a key was committed, so the runner can say how
// long a stale read's version had been superseded (its staleness age): the
// commit time of version v + 1. The last kDepth commits per key are kept; an
// older version's age is bounded below by the oldest one remembered (counted
// in truncated()).
#pragma once
#include <cstdint>

#include "sim/key_rows.h"
#include "sim/time.h"

namespace cachelab {

class CommitHistory {
 public:
  void OnCommit(uint64_t key, uint64_t version, SimTime at) { rings_.Get(key).at[version % kDepth] = at; }

  // REQUIRES: version < current (the read was stale).
  SimTime SupersededAt(uint64_t key, uint64_t version, uint64_t current) {
    const Ring* ring = rings_.Find(key);
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
  KeyRows<Ring> rings_;  // only keys ever written
  uint64_t truncated_ = 0;
};

}  // namespace cachelab
