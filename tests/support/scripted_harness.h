// A Harness for tests: a simulated Redis and database with fixed latencies,
// and requests issued at scripted times. Records every completion so tests can
// compare against hand-computed schedules.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "sim/metrics.h"
#include "sim/sim_database.h"
#include "sim/sim_redis.h"
#include "sim/simulator.h"
#include "strategies/harness.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/strategy.h"

namespace cachelab::testing {

struct Completion {
  ReqId id;
  Request req;
  SimTime done_at;
  bool is_read;
  ReadOutcome read;
  WriteOutcome write;
};

struct ScriptedConfig {
  SimTime redis_rtt = 200 * kMicrosecond;
  SimTime redis_service = 0;
  SimTime db_read = 1 * kMillisecond;
  SimTime db_write = 2 * kMillisecond;
  int db_pool = 64;
  SimTime ttl = 10 * kSecond;
  std::string strategy = "cache-aside";
  std::string invalidation = "ttl";
  RedisConfig redis;
};

class ScriptedHarness : public Harness {
 public:
  explicit ScriptedHarness(const ScriptedConfig& c = {}) : metrics_(kSecond) {
    SimRedisConfig rc;
    rc.store = c.redis;
    rc.rtt = Distribution::Fixed(static_cast<double>(c.redis_rtt));
    rc.service = Distribution::Fixed(static_cast<double>(c.redis_service));
    redis_ = std::make_unique<SimRedis>(sim_, rc, 1);
    SimDatabaseConfig dc;
    dc.pool_size = c.db_pool;
    dc.read_latency = Distribution::Fixed(static_cast<double>(c.db_read));
    dc.write_latency = Distribution::Fixed(static_cast<double>(c.db_write));
    db_ = std::make_unique<SimDatabase>(sim_, dc, metrics_, 1);
    std::string err;
    InvalidationConfig ic;
    ic.ttl = c.ttl;
    invalidation_ = MakeInvalidation(c.invalidation, *this, ic, &err);
    strategy_ = MakeStrategy(c.strategy, *this, StrategyConfig{}, &err);
    if (!invalidation_ || !strategy_) throw std::runtime_error(err);
  }

  // Schedules a read (op kGet) or write (kSet) of `key` at absolute time `at`.
  void At(SimTime at, Op op, uint64_t key, uint32_t size = 100) {
    sim_.ScheduleAt(at, [this, op, key, size] {
      ReqId id = static_cast<ReqId>(requests_.size());
      Request r;
      r.at = sim_.Now();
      r.key = key;
      r.op = op;
      r.size = size;
      requests_.push_back(r);
      if (op == Op::kGet) strategy_->Read(id);
      else strategy_->Write(id);
    });
  }
  void Run() {
    sim_.Run();
    strategy_->Finish();
    sim_.Run();
  }

  int hits() const { return Count([](const Completion& c) { return c.is_read && c.read.hit; }); }
  int misses() const { return Count([](const Completion& c) { return c.is_read && !c.read.hit; }); }
  template <typename F>
  int Count(F f) const {
    int n = 0;
    for (const auto& c : completions_) n += f(c) ? 1 : 0;
    return n;
  }

  // Harness
  Simulator& sim() override { return sim_; }
  CacheBackend& cache_for(uint64_t) override { return *redis_; }
  SimDatabase& db() override { return *db_; }
  Metrics& metrics() override { return metrics_; }
  Invalidation& invalidation() override { return *invalidation_; }
  const Request& request(ReqId id) const override { return requests_[id]; }
  void CompleteRead(ReqId id, const ReadOutcome& o) override {
    completions_.push_back(Completion{id, requests_[id], sim_.Now(), true, o, {}});
  }
  void CompleteWrite(ReqId id, const WriteOutcome& o) override {
    completions_.push_back(Completion{id, requests_[id], sim_.Now(), false, {}, o});
  }

  SimRedis& redis() { return *redis_; }
  Strategy& strategy() { return *strategy_; }
  const std::vector<Completion>& completions() const { return completions_; }

 private:
  Simulator sim_;
  Metrics metrics_;
  std::unique_ptr<SimRedis> redis_;
  std::unique_ptr<SimDatabase> db_;
  std::unique_ptr<Invalidation> invalidation_;
  std::unique_ptr<Strategy> strategy_;
  std::vector<Request> requests_;
  std::vector<Completion> completions_;
};

}  // namespace cachelab::testing
