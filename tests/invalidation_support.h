// A harness for the invalidation tests: one simulated Redis (fixed RTT, no
// service time), a database with fixed latencies, a strategy (cache-aside
// unless given), and the scheme
// under test wired the way the runner wires it (Route, BeforeRequest,
// AfterRead). Requests are issued at scripted times from a given server.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "lab/invalidation_setup.h"
#include "sim/metrics.h"
#include "sim/sim_database.h"
#include "sim/sim_redis.h"
#include "sim/simulator.h"
#include "strategies/harness.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/strategy.h"
#include "tests/support/fixed_world.h"

namespace cachelab::testing {

class InvalidationHarness : public Harness {
 public:
  struct Served {
    Request req;
    ReadOutcome read;
    SimTime at;
  };

  InvalidationHarness(const std::string& scheme, const InvalidationConfig& ic, SimTime rtt = 200 * kMicrosecond,
                      const std::string& strategy = "cache-aside")
      : metrics_(kSecond), redis_(sim_, FixedRedis(rtt), ic.seed), db_(sim_, FixedDatabase(1 * kMillisecond, 2 * kMillisecond), metrics_, ic.seed) {
    std::string err;
    invalidation_ = MakeInvalidation(scheme, *this, ic, &err);
    if (!invalidation_) throw std::runtime_error(err);
    cache_ = &invalidation_->Route(redis_);
    strategy_ = MakeStrategy(strategy, *this, StrategyConfig{}, &err);
    if (!strategy_) throw std::runtime_error(err);
  }

  void At(SimTime at, Op op, uint64_t key, uint32_t server = 0) {
    sim_.ScheduleAt(at, [this, op, key, server] {
      ReqId id = static_cast<ReqId>(requests_.size());
      Request r = ScriptedRequest(sim_.Now(), op, key, server);
      requests_.push_back(r);
      ReadOutcome local;
      if (invalidation_->BeforeRequest(r, &local)) return CompleteRead(id, local);
      if (op == Op::kGet) strategy_->Read(id);
      else strategy_->Write(id);
    });
  }
  // Application server `server` crashes at `at` (write-behind loses its buffer).
  void CrashAt(SimTime at, uint32_t server) {
    sim_.ScheduleAt(at, [this, server] { strategy_->OnServerCrash(server); });
  }
  void WarmUp(uint64_t n) { cachelab::WarmUp(*this, n, [](uint64_t) { return 100u; }); }
  void RunUntil(SimTime t) { sim_.RunUntil(t); }
  void Finish() {
    strategy_->Finish();
    sim_.Run();
  }
  RunReport Report() const {
    RunReport r;
    invalidation_->Report(&r);
    strategy_->Report(&r);
    return r;
  }
  // Looks at the server's keyspace now, without going through the network.
  RedisStore& store() {
    redis_.store().SetTime(sim_.Now());
    return redis_.store();
  }
  bool Exists(const std::string& key) { return store().Exists({key}).integer == 1; }
  // Two nodes from now on: odd keys live on a second server, seen through store2().
  void SplitOddKeysToSecondNode() { second_ = &invalidation_->Route(redis2_); }
  RedisStore& store2() {
    redis2_.store().SetTime(sim_.Now());
    return redis2_.store();
  }

  // Harness
  Simulator& sim() override { return sim_; }
  CacheBackend& cache_for(uint64_t key) override { return second_ && key % 2 ? *second_ : *cache_; }
  SimDatabase& db() override { return db_; }
  Metrics& metrics() override { return metrics_; }
  Invalidation& invalidation() override { return *invalidation_; }
  const Request& request(ReqId id) const override { return requests_[id]; }
  void CompleteRead(ReqId id, const ReadOutcome& o) override {
    invalidation_->AfterRead(requests_[id], o);
    served_.push_back(Served{requests_[id], o, sim_.Now()});
  }
  void CompleteWrite(ReqId, const WriteOutcome&) override { ++writes_done_; }

  SimRedis& redis() { return redis_; }
  const std::vector<Served>& served() const { return served_; }
  uint64_t writes_done() const { return writes_done_; }
  template <typename T>
  T& scheme() {
    return dynamic_cast<T&>(*invalidation_);
  }

 private:
  Simulator sim_;
  Metrics metrics_;
  SimRedis redis_;
  SimRedis redis2_{sim_, FixedRedis(200 * kMicrosecond), 2};  // used after SplitOddKeysToSecondNode
  SimDatabase db_;
  std::unique_ptr<Invalidation> invalidation_;
  std::unique_ptr<Strategy> strategy_;
  CacheBackend* cache_ = &redis_;  // until the scheme routes it
  CacheBackend* second_ = nullptr;
  std::vector<Request> requests_;
  std::vector<Served> served_;
  uint64_t writes_done_ = 0;
};

}  // namespace cachelab::testing
