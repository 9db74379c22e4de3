// A Harness for strategy and stampede tests: fixed latencies, any
// StrategyConfig, requests at scripted times from a chosen application
// server, and staleness checked at completion (served version against the
// database's current one).
#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/metrics.h"
#include "sim/sim_database.h"
#include "sim/sim_redis.h"
#include "sim/simulator.h"
#include "strategies/harness.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/strategy.h"
#include "tests/support/fixed_world.h"

namespace cachelab::testing {

struct StrategyHarnessConfig {
  SimTime redis_rtt = 200 * kMicrosecond;
  SimTime db_read = 1 * kMillisecond;
  SimTime db_write = 2 * kMillisecond;
  SimTime ttl = 10 * kSecond;
  std::string strategy = "cache-aside";
  std::string invalidation = "ttl";
  StrategyConfig strategy_config;
};

class StrategyHarness : public Harness {
 public:
  struct Done {
    Request req;
    SimTime at;
    bool is_read;
    ReadOutcome read;
    bool stale;
  };

  explicit StrategyHarness(const StrategyHarnessConfig& c) {
    redis_ = std::make_unique<SimRedis>(sim_, FixedRedis(c.redis_rtt), 1);
    db_ = std::make_unique<SimDatabase>(sim_, FixedDatabase(c.db_read, c.db_write), metrics_, 1);
    InvalidationConfig ic;
    ic.ttl = c.ttl;
    std::string err;
    invalidation_ = MakeInvalidation(c.invalidation, *this, ic, &err);
    if (!invalidation_) throw std::runtime_error(err);
    cache_ = &invalidation_->Route(*redis_);  // as the runner does (version keys rename)
    strategy_ = MakeStrategy(c.strategy, *this, c.strategy_config, &err);
    if (!strategy_) throw std::runtime_error(err);
  }

  void At(SimTime at, Op op, uint64_t key, uint32_t server = 0) {
    sim_.ScheduleAt(at, [this, op, key, server] {
      ReqId id = static_cast<ReqId>(requests_.size());
      requests_.push_back(ScriptedRequest(sim_.Now(), op, key, server));
      if (op == Op::kGet)
        strategy_->Read(id);
      else
        strategy_->Write(id);
    });
  }
  void CrashAt(SimTime at, uint32_t server) {
    sim_.ScheduleAt(at, [this, server] { strategy_->OnServerCrash(server); });
  }
  void Run() {
    sim_.Run();
    strategy_->Finish();
    sim_.Run();
  }
  RunReport Report() const {
    RunReport r;
    strategy_->Report(&r);
    return r;
  }
  int Count(bool (*f)(const Done&)) const {
    int n = 0;
    for (const auto& d : done_) n += f(d) ? 1 : 0;
    return n;
  }

  Simulator& sim() override { return sim_; }
  CacheBackend& cache_for(uint64_t) override { return *cache_; }
  SimDatabase& db() override { return *db_; }
  Metrics& metrics() override { return metrics_; }
  Invalidation& invalidation() override { return *invalidation_; }
  const Request& request(ReqId id) const override { return requests_[id]; }
  void CompleteRead(ReqId id, const ReadOutcome& o) override {
    done_.push_back({requests_[id], sim_.Now(), true, o, !o.failed && o.version < db_->Version(requests_[id].key)});
  }
  void CompleteWrite(ReqId id, const WriteOutcome& o) override {
    done_.push_back({requests_[id], sim_.Now(), false, {}, false});
    if (o.persisted) ++persisted_acks_;
  }

  SimRedis& redis() { return *redis_; }
  const std::vector<Done>& done() const { return done_; }
  int persisted_acks() const { return persisted_acks_; }

 private:
  Simulator sim_;
  Metrics metrics_{kSecond};
  std::unique_ptr<SimRedis> redis_;
  std::unique_ptr<SimDatabase> db_;
  std::unique_ptr<Invalidation> invalidation_;
  CacheBackend* cache_ = nullptr;
  std::unique_ptr<Strategy> strategy_;
  std::vector<Request> requests_;
  std::vector<Done> done_;
  int persisted_acks_ = 0;
};

inline int64_t Int(const RunReport& r, const std::string& name) { return static_cast<int64_t>(r.GetNumber(name, -1)); }

}  // namespace cachelab::testing
