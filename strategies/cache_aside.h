// Cache-aside (lazy loading), exactly the classic flow:
//   read:  GET k; hit -> done; miss -> SELECT from the database, then
//          SET k v EX ttl (PX for sub-second TTLs), then answer.
//   write: UPDATE the database, then DEL k.
// (TTL and the DEL come from the invalidation scheme: --invalidation.)
// If the cache errs (down, timeout), reads go to the database and writes
// still commit: the client sees no error, only latency.
#pragma once
#include "strategies/strategy.h"

namespace cachelab {

class CacheAside final : public Strategy {
 public:
  CacheAside(Harness& h, const StrategyConfig& config) : h_(h), config_(config) {}
  std::string_view Name() const override { return "cache-aside"; }
  void Read(ReqId id) override;
  void Write(ReqId id) override;

 private:
  void LoadAndFill(ReqId id, bool cache_failed);
  Harness& h_;
  [[maybe_unused]] StrategyConfig config_;
};

}  // namespace cachelab
