// Cache-aside (lazy loading), exactly the classic flow:
//   read:  GET k; hit -> done; miss -> SELECT from the database, then
//          SET k v EX ttl (PX for sub-second TTLs), then answer.
//   write: UPDATE the database, then DEL k.
// (TTL and the DEL come from the invalidation scheme: --invalidation; who
// loads a missing key from the stampede guard: --stampede.)
// If the cache errs (down, timeout), reads go to the database and writes
// still commit: the client sees no error, only latency.
#pragma once
#include "strategies/read_path.h"
#include "strategies/strategy.h"

namespace cachelab {

class CacheAside : public Strategy {
 public:
  CacheAside(Harness& h, const StrategyConfig& config) : h_(h), path_(h, config) {}
  std::string_view Name() const override { return "cache-aside"; }
  void Read(ReqId id) override { path_.Read(id); }
  void Write(ReqId id) override;
  void OnServerCrash(uint32_t server) override { path_.OnServerCrash(server); }
  void Warmed(uint64_t key) override { path_.Warmed(key); }
  // The read path's figures and the matrix note (strategies/pair_semantics.h).
  void Report(RunReport* r) const override;
  void StartMeasurement() override { path_.StartMeasurement(); }

 protected:
  Harness& h_;
  ReadPath path_;
};

}  // namespace cachelab
