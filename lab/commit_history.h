// When each recent version of a key was committed, so the runner can say how
// long a stale read's version had been superseded (its staleness age): the
// commit time of version v + 1. The last kDepth commits per key are kept; an
// older version's age is bounded below by the oldest one remembered (counted
// in truncated()).
#pragma once
#include <cstdint>
#include <vector>

#include "sim/chunked_rows.h"
#include "sim/key_ids.h"
#include "sim/time.h"

namespace cachelab {

class CommitHistory {
 public:
  // Keys by dense id (KeyIds).
  void OnCommit(uint32_t id, uint64_t version, SimTime at) {
    uint32_t& r = ring_of_.At(id).plus_one;
    size_t pos = version % kDepth;
    bool fits_pair = pos == 1 || pos == 2;
    if (r == 0) {
      if (fits_pair) r = kPair | (NewPair() + 1);
      else r = rings_.Append() + 1;
    } else if ((r & kPair) && !fits_pair) {
      r = Widen(r);
    }
    if (r & kPair) pairs_[(r & ~kPair) - 1].at[pos - 1] = at;
    else rings_[r - 1].at[pos] = at;
  }

  // REQUIRES: version < current (the read was stale).
  SimTime SupersededAt(uint32_t id, uint64_t version, uint64_t current) {
    const RingOf* of = ring_of_.Find(id);
    if (!of || of->plus_one == 0) return 0;
    uint64_t next = version + 1;
    if (current - version > kDepth) {
      next = current - kDepth + 1;
      ++truncated_;
    }
    size_t pos = next % kDepth;
    if (of->plus_one & kPair) {  // positions other than 1 and 2 never written: 0, as in a ring
      const Pair& p = pairs_[(of->plus_one & ~kPair) - 1];
      return pos == 1 || pos == 2 ? p.at[pos - 1] : 0;
    }
    return rings_[of->plus_one - 1].at[pos];
  }
  uint64_t truncated() const { return truncated_; }

 private:
  static constexpr uint64_t kDepth = 8;
  // Most keys written are written once or twice (Zipf tails): their versions
  // 1 and 2 fill ring positions 1 and 2 only, so they get a Pair (16 B) and
  // move to a full Ring (64 B) at their first commit at another position.
  static constexpr uint32_t kPair = 1u << 31;
  struct Ring {
    SimTime at[kDepth] = {};
  };
  struct Pair {
    SimTime at[2] = {};  // ring positions 1 and 2
  };
  struct RingOf {
    uint32_t plus_one = 0;  // rings_ (or with kPair, pairs_) index + 1; 0: never written
  };
  uint32_t NewPair() {
    if (free_pairs_.empty()) return pairs_.Append();
    uint32_t i = free_pairs_.back();
    free_pairs_.pop_back();
    pairs_[i] = Pair{};
    return i;
  }
  // A pair's times moved into a new full ring; returns the ring's plus_one.
  uint32_t Widen(uint32_t pair_plus_one) {
    uint32_t pi = (pair_plus_one & ~kPair) - 1;
    uint32_t ri = rings_.Append();
    rings_[ri].at[1] = pairs_[pi].at[0];
    rings_[ri].at[2] = pairs_[pi].at[1];
    free_pairs_.push_back(pi);
    return ri + 1;
  }

  ChunkedRows<RingOf> ring_of_;  // 4 bytes a key id
  ChunkedRows<Pair> pairs_;      // keys whose commits all fell on positions 1 and 2
  ChunkedRows<Ring> rings_;      // the other keys written
  std::vector<uint32_t> free_pairs_;
  uint64_t truncated_ = 0;
};

}  // namespace cachelab
