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
    if (r == 0) {
      r = pos == 1 ? kSingle | (singles_.New() + 1) : pos == 2 ? kPair | (pairs_.New() + 1) : rings_.Append() + 1;
    } else if ((r & kKind) == kSingle && pos != 1) {  // widened: to a pair for position 2, else to a ring
      uint32_t si = Index(r);
      SimTime first = singles_[si].at[0];
      singles_.Free(si);
      if (pos == 2) {
        r = kPair | (pairs_.New() + 1);
        pairs_[Index(r)].at[0] = first;
      } else {
        r = rings_.Append() + 1;
        rings_[Index(r)].at[1] = first;
      }
    } else if ((r & kKind) == kPair && pos != 1 && pos != 2) {
      r = Widen(r);
    }
    switch (r & kKind) {
      case kSingle: singles_[Index(r)].at[0] = at; break;
      case kPair: pairs_[Index(r)].at[pos - 1] = at; break;
      default: rings_[Index(r)].at[pos] = at;
    }
  }

  // Starts loading id's cell (a hint: a commit of id comes a database write
  // later). Nothing for an id beyond the cells (kNoKeyId among them).
  void Prefetch(uint32_t id) const { ring_of_.Prefetch(id); }

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
    uint32_t r = of->plus_one;
    switch (r & kKind) {  // positions a single or a pair never holds were never written: 0, as in a ring
      case kSingle: return pos == 1 ? singles_[Index(r)].at[0] : 0;
      case kPair: return pos == 1 || pos == 2 ? pairs_[Index(r)].at[pos - 1] : 0;
      default: return rings_[Index(r)].at[pos];
    }
  }
  uint64_t truncated() const { return truncated_; }

 private:
  static constexpr uint64_t kDepth = 8;
  // Most keys written are written once or twice (Zipf tails, uniform runs):
  // their versions 1 and 2 fill ring positions 1 and 2 only, so they get a
  // Single (8 B: position 1) or a Pair (16 B: positions 1 and 2), and move to
  // a Pair or a full Ring (64 B) at their first commit at another position.
  // The kind in plus_one's two top bits.
  static constexpr uint32_t kKind = 3u << 30, kSingle = 1u << 30, kPair = 2u << 30;
  template <size_t kN>
  struct Times {
    SimTime at[kN] = {};
  };
  using Ring = Times<kDepth>;
  // Rows of a kind, reused through a free list.
  template <typename Row>
  class Pool {
   public:
    uint32_t New() {
      if (free_.empty()) return rows_.Append();
      uint32_t i = free_.back();
      free_.pop_back();
      rows_[i] = Row{};
      return i;
    }
    void Free(uint32_t i) { free_.push_back(i); }
    Row& operator[](uint32_t i) { return rows_[i]; }

   private:
    ChunkedRows<Row> rows_;
    std::vector<uint32_t> free_;
  };
  struct RingOf {
    uint32_t plus_one = 0;  // the row's index + 1, its kind in the top bits (none: a Ring); 0: never written
  };
  static uint32_t Index(uint32_t plus_one) { return (plus_one & ~kKind) - 1; }
  // A pair's times moved into a new full ring; returns the ring's plus_one.
  uint32_t Widen(uint32_t pair_plus_one) {
    uint32_t pi = Index(pair_plus_one);
    uint32_t ri = rings_.Append();
    rings_[ri].at[1] = pairs_[pi].at[0];
    rings_[ri].at[2] = pairs_[pi].at[1];
    pairs_.Free(pi);
    return ri + 1;
  }

  ChunkedRows<RingOf> ring_of_;  // 4 bytes a key id
  Pool<Times<1>> singles_;       // keys whose commits all fell on position 1
  Pool<Times<2>> pairs_;         // on positions 1 and 2
  ChunkedRows<Ring> rings_;      // the other keys written
  uint64_t truncated_ = 0;
};

}  // namespace cachelab
