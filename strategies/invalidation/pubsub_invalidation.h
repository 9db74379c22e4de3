// Event-based invalidation over Redis pub/sub. A write PUBLISHes
// "<key> <seq>" on channel "cachelab:invalidate"; every application server
// subscribes, and its subscriber deletes the key: from its near cache in the
// two-tier set-up (the writer then DELs the Redis copy itself), otherwise from
// Redis (DEL). Delivery has a per-subscriber delay and loss probability, and
// subscribers may disconnect for a while: pub/sub is fire-and-forget, so a
// lost message leaves that copy stale until its TTL.
// Under write-through / write-behind the writer SET the Redis copy itself: the
// message then only drops near copies (without near caches it reaches nothing,
// and the tables say so).
// With pubsub_patterns (--pubsub-patterns on) the subscribers PSUBSCRIBE
// "cachelab:invalidate:*" instead, a write publishes on its key's channel
// "cachelab:invalidate:key:<k>", and a --pattern-fraction of writes (bulk
// changes) publish a family event on "cachelab:invalidate:family:<k/10>":
// the subscriber drops the ten keys sharing k / 10 (the family the pattern
// scheme finds by SCAN), by one DEL per node or from its near cache.
// On several nodes the channels live on one of them, the bus (the node owning
// key 0): every simulated PUBLISH goes there, and DELs go to each key's own
// node. (A live run subscribes on every node instead and bridges the messages:
// the same deliveries, with the PUBLISH load spread over the nodes.)
#pragma once
#include <vector>

#include "sim/rng.h"
#include "sim/sim_pubsub.h"
#include "strategies/invalidation/scheme_base.h"

namespace cachelab {

class SimRedis;

class PubSubInvalidation final : public SchemeBase {
 public:
  static constexpr const char* kChannel = "cachelab:invalidate";
  static constexpr const char* kPattern = "cachelab:invalidate:*";  // --pubsub-patterns

  // REQUIRES: the harness's cache is a SimRedis (the channel registry lives there).
  PubSubInvalidation(Harness& h, const InvalidationConfig& c, SimRedis& redis);
  std::string_view Name() const override { return "pubsub"; }
  SimTime TtlFor(uint64_t key) override { return BaseTtl(c_, key); }
  void OnWrite(uint64_t key, Done done) override;
  void OnWriteSet(uint64_t key, uint64_t version, Done done) override;
  void Report(RunReport* report) const override;
  void StartMeasurement() override;

  // Invalidations (published messages) that no subscriber applied.
  uint64_t unapplied() const;
  uint64_t published() const { return applied_.size() - first_measured_; }
  uint64_t family_events() const { return family_events_; }
  const PubSubStats& stats() const;

 private:
  void Publish(uint64_t key, uint32_t parked, bool writer_set);
  CacheBackend& PublishTarget(uint64_t key);  // where the subscribers will hear it
  void OnMessage(uint32_t server, std::string_view channel, std::string_view message);
  void DropFamily(uint32_t server, uint64_t key, bool writer_set);
  void ScheduleDisconnect(SimPubSub::SubId sub);

  SimRedis& redis_;
  Rng outage_rng_, family_rng_;
  std::vector<SimPubSub::SubId> subs_;
  std::vector<uint8_t> applied_;     // per published message: some subscriber applied it
  std::vector<uint8_t> writer_set_;  // per published message: the writer SET the Redis copy
  uint64_t applications_ = 0, disconnects_ = 0, family_events_ = 0, family_dropped_ = 0;
  // --warmup: the first message of measurement, and the delivery counts then.
  uint64_t first_measured_ = 0;
  PubSubStats at_start_;
};

}  // namespace cachelab
