// A simulated Redis server in virtual time: RedisStore's semantics plus a
// latency model. Each command travels half a round trip to the server, waits
// for the single command thread (FIFO: load raises latency), executes in
// arrival order with the time snapshot of its start, and its reply travels
// the other half back. The active-expiry cycle runs hz times a second.
// While marked down, commands fail with an error after the client timeout.
#pragma once
#include <string>

#include "sim/cache_backend.h"
#include "sim/chunked_rows.h"
#include "sim/direct_reply.h"
#include "sim/fifo_ring.h"
#include "sim/distribution.h"
#include "sim/key_ids.h"
#include "sim/redis_store.h"
#include "sim/rng.h"
#include "sim/sim_pubsub.h"
#include "sim/simulator.h"

namespace cachelab {

struct SimRedisConfig {
  RedisConfig store;
  Distribution rtt = Distribution::Fixed(200 * kMicrosecond);       // network round trip
  Distribution service = Distribution::Fixed(2 * kMicrosecond);    // command execution
  SimTime client_timeout = 100 * kMillisecond;
  std::string name = "sim-redis";
};

class SimRedis final : public CacheBackend {
 public:
  SimRedis(Simulator& sim, const SimRedisConfig& config, uint64_t seed);

  std::string Name() const override { return config_.name; }
  void Get(std::string_view key, ReplyCallback done) override;
  void Set(std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) override;
  void Del(std::string_view key, ReplyCallback done) override;
  void Command(std::vector<std::string> argv, ReplyCallback done) override;
  void GetById(uint32_t id, std::string_view key, ReplyCallback done) override;
  void SetById(uint32_t id, std::string_view key, Blob value, const SetOptions& opt, ReplyCallback done) override;
  void DelById(uint32_t id, std::string_view key, ReplyCallback done) override;
  // With a fixed round trip a command executes as it is submitted, and while
  // every live key is linked to its id the store looks a key with an id up by
  // the id alone (RedisStore::Get): a GET by id needs no name then.
  bool GetsById() const override { return config_.rtt.IsFixed() && store_.unlinked_keys() == 0; }
  // Direct commands (sim/direct_reply.h) while GetsById holds, the node is up
  // and the store spells names from ids (its KeyNaming, whose names the
  // direct commands' keys have): each executes as it is submitted, as a
  // command does with a fixed round trip, and its reply leaves on the same
  // lane, in the same order, with the same timing.
  SimRedis* Direct() override {
    return GetsById() && !down_ && store_.config().key_naming.ids ? this : nullptr;
  }
  // GET by key id; `to` must outlive the reply.
  void GetDirect(uint32_t key_id, const DirectClient& to, uint32_t token);
  // SET of "v<version>" padded to size bytes (RedisStore::SetDirect's REQUIRES).
  void SetDirect(uint32_t key_id, uint64_t key, uint64_t version, uint32_t size, const SetOptions& opt,
                 const DirectClient& to, uint32_t token);
  // DEL by key id: kOk (deleted) or kNil.
  void DelDirect(uint32_t key_id, const DirectClient& to, uint32_t token);

  // Fault injection: a down node answers nothing; clients time out.
  void set_down(bool down) { down_ = down; }
  bool down() const { return down_; }

  RedisStore& store() { return store_; }
  // Channels and subscribers; PUBLISH (via Command) executes here.
  SimPubSub& pubsub() { return pubsub_; }
  const RedisStore& store() const { return store_; }
  uint64_t commands() const { return commands_; }
  SimTime busy_time() const { return busy_time_; }

 private:
  // A command in flight lives in a slab; events carry only its index, so the
  // hot path allocates nothing once the slab has grown. Rows never move
  // (ChunkedRows), so a reply is handed to its callback where it lies.
  struct Pending {
    enum class Kind : uint8_t { kGet, kSet, kDel, kArgv } kind;
    std::string key;  // a copy of the key only while the command waits for an event
    uint32_t key_id = kNoKeyId;  // the key's dense id, when the caller gave it
    Blob value;
    SetOptions opt;
    std::vector<std::string> argv;
    ReplyCallback done;
    RedisReply reply;
    SimTime half = 0, service = 0;
  };
  uint32_t NewPending(Pending::Kind kind, uint32_t key_id, ReplyCallback&& done);
  // key: the command's key (kGet, kSet, kDel), valid for the call only.
  void Submit(uint32_t id, std::string_view key);
  void Execute(uint32_t id, SimTime arrival, std::string_view key);
  void Deliver(uint32_t id);
  template <typename Make>
  void ReplyInPlace(Pending& p, Make&& make);
  void ScheduleActiveExpire();
  // A command's start on the FIFO command thread (its arrival, or when the
  // thread is free); sets the store's time snapshot.
  SimTime StartAt(SimTime arrival, SimTime service);
  // A direct command's round trip and service time: drawn as Submit draws them.
  struct Timing {
    SimTime half, service;
  };
  Timing DrawTiming() {
    SimTime half = static_cast<SimTime>(config_.rtt.Sample(rng_) / 2);
    return Timing{half, static_cast<SimTime>(config_.service.Sample(rng_))};
  }
  // Queues a direct reply; Deliver(kDirect) hands the oldest to its client
  // (replies leave in submission order: the round trip is fixed).
  void PostDirect(const DirectReply& reply, const DirectClient& to, uint32_t token, SimTime half);

  struct DirectRow {
    DirectReply reply;
    const DirectClient* to;
    uint32_t token;
  };
  static constexpr uint32_t kDirect = UINT32_MAX;  // Deliver's argument for a direct reply
  FifoRing<DirectRow> direct_;
  ChunkedRows<Pending, 6> pending_;
  std::vector<uint32_t> free_pending_;

  Simulator& sim_;
  SimRedisConfig config_;
  RedisStore store_;
  SimPubSub pubsub_;
  Rng rng_;
  Simulator::Poster replies_;  // Deliver(row): replies leave in time order
  SimTime busy_until_ = 0;
  SimTime busy_time_ = 0;
  uint64_t commands_ = 0;
  bool down_ = false;
};

}  // namespace cachelab
