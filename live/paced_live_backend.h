// `cachelab run --backend redis://...`: the experiment's cache tier is live
// Redis, and its clock is the wall clock. The simulator still schedules the
// clients, the database model and the strategies' timers, but Drive() paces
// it: simulated time = start + wall elapsed x speedup, advanced with RunUntil
// while LiveRedis is polled for replies (their callbacks run at the current
// simulated time). TTLs go to the server divided by the speedup.
//
// The run starts from a cold cache (the prefix's keys are deleted first) and
// cleans up after itself unless keep_keys; FLUSHDB only when flushdb.
// Failures (server killed, timeouts) complete calls with error replies, so
// strategies fall back to the database; they are counted and reported as
// cache-errors events with their simulated times, with node-down/node-up.
//
// Pub/sub: the lab PUBLISHes on the real server (channel under the prefix);
// one real subscriber per node (PSUBSCRIBE <prefix>*) receives each message
// and hands it, at the simulated time it arrived, to the simulated pub/sub
// where the application servers' subscribers live (their extra delay, loss
// and disconnects stay simulated).
#pragma once
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "lab/backend_provider.h"
#include "live/key_cleanup.h"
#include "live/live_redis.h"
#include "live/redis_cluster.h"
#include "live/scaled_ttl_backend.h"
#include "live/subscriber.h"

namespace cachelab::live {

struct LiveRunSettings {
  std::vector<RedisEndpoint> endpoints;
  ClusterOptions cluster;
  std::string prefix = "cachelab:";
  bool keep_keys = false;
  int cleanup_wait_ms = 10000;  // as LiveReplaySettings
  bool flushdb = false;
  double speedup = 1;
};

class PacedLiveBackend final : public BackendProvider {
 public:
  // Throws std::runtime_error when a node cannot be reached or refuses us.
  explicit PacedLiveBackend(const LiveRunSettings& settings);

  CacheBackend& Open(Simulator&) override { return scaled_; }
  void Drive(Simulator& sim) override;
  void BridgePubSub(SimPubSub& local) override;
  void StartMeasurement() override;
  void Report(RunReport* r) override;
  // The end-of-run cleanup's outcome (after Report).
  const CleanupResult& cleanup() const { return cleanup_; }

 private:
  using WallClock = std::chrono::steady_clock;
  double WallSeconds() const { return std::chrono::duration<double>(WallClock::now() - wall_start_).count(); }
  void NoteFailures(SimTime now);
  void CloseBurst();
  int64_t SumInfo(const char* section, const char* field);
  size_t PumpMessages(int wait_ms);  // bridged messages delivered

  LiveRunSettings s_;
  RedisCluster cluster_;
  LiveRedis redis_;
  ScaledTtlBackend scaled_;
  bool started_ = false;
  WallClock::time_point wall_start_;
  SimTime sim_start_ = 0;
  double cluster_offset_s_ = 0;  // cluster_.Elapsed() at wall_start_ (its events use that clock)
  double max_lag_ms_ = 0, lag_sum_ms_ = 0;
  uint64_t lag_samples_ = 0;
  // Failures come in bursts (a dead server); each burst becomes one event.
  uint64_t failed_seen_ = 0, burst_failed_ = 0;
  bool in_burst_ = false;
  SimTime burst_start_ = 0, burst_last_ = 0, first_failure_ = -1, last_failure_ = -1;
  double burst_last_wall_ = 0;
  std::vector<RunEvent> events_;
  SimPubSub* local_pubsub_ = nullptr;
  std::vector<std::unique_ptr<Subscriber>> subscribers_;  // per node, when bridging
  std::vector<PushMessage> messages_;
  uint64_t bridged_ = 0;
  int64_t expired_before_ = 0, evicted_before_ = 0, removed_at_start_ = 0;
  // --warmup: commands and failures before measurement; the server's INFO
  // counters are re-read once no call is in flight (INFO shares the connection).
  uint64_t commands_before_ = 0, failed_before_ = 0, unsendable_before_ = 0, resubscribes_before_ = 0;
  uint64_t Resubscribes() const;
  bool rebaseline_ = false;
  CleanupResult cleanup_;
};

}  // namespace cachelab::live
