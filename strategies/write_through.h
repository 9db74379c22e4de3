// Write-through: a write commits to the database, then updates the cache with
// the committed version (SET with the scheme's TTL) and, pipelined behind it,
// lets the scheme do the rest (Invalidation::OnWriteSet: related keys, the
// readers' version, near caches); acknowledged when both have answered.
// Two concurrent writers (or a slow reader's fill) can still land their SETs
// out of order: that race is real here and shows up as stale reads.
// The -delete variant removes the key instead (through the invalidation
// scheme), trading a miss for not racing SETs.
// Reads: read-through.
#pragma once
#include <unordered_map>

#include "strategies/cache_aside.h"

namespace cachelab {

class WriteThrough final : public CacheAside {
 public:
  WriteThrough(Harness& h, const StrategyConfig& c, bool update) : CacheAside(h, c), update_(update) {}
  std::string_view Name() const override { return update_ ? "write-through" : "write-through-delete"; }
  void Write(ReqId id) override;

 private:
  void HalfDone(ReqId id);  // the SET or the scheme answered; the second one acks

  bool update_;
  std::unordered_map<ReqId, bool> halves_;  // writes with one of the two answers in
};

}  // namespace cachelab
