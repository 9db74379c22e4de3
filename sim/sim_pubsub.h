// Redis pub/sub in virtual time: the server-side channel registry and the
// push of each message to its subscribers. As in Redis, PUBLISH is
// fire-and-forget: the server hands the message to every subscriber connected
// at that moment and counts them (PUBLISH's reply); nothing is stored, so a
// subscriber that is disconnected when the message is published, or when it
// would arrive, never sees it. Each subscriber has its own delivery delay
// (network + client processing, on top of the server's half round trip) and
// loss probability (dropped connection, output-buffer limit, crashed handler).
//
// Pattern subscriptions (PSUBSCRIBE): a message goes first to the channel's
// subscribers, then to every pattern subscription whose glob matches the
// channel (Redis's order; among patterns, subscription order here, hash order
// in Redis). The handler gets the channel the message was published on.
//
// Threading: single-threaded, like the Simulator it schedules on.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/distribution.h"
#include "sim/rng.h"
#include "sim/simulator.h"
#include "sim/slab.h"

namespace cachelab {

struct SubscriberOptions {
  Distribution delay = Distribution::Fixed(0);  // extra delivery delay per message
  double loss = 0;                              // probability a delivery is lost
};

struct PubSubStats {
  uint64_t published = 0;     // PUBLISH commands
  uint64_t receivers = 0;     // sum of PUBLISH replies (deliveries attempted)
  uint64_t delivered = 0;     // handler calls
  uint64_t lost = 0;          // dropped by the loss probability
  uint64_t missed = 0;        // subscriber disconnected at publish or arrival
};

class SimPubSub {
 public:
  using Handler = std::function<void(std::string_view channel, std::string_view message)>;
  using SubId = uint32_t;

  SimPubSub(Simulator& sim, uint64_t seed) : sim_(sim), seed_(seed) {}

  // SUBSCRIBE channel on a new subscriber connection.
  SubId Subscribe(std::string channel, Handler handler, const SubscriberOptions& options = {});
  // PSUBSCRIBE pattern (Redis's glob) on a new subscriber connection.
  SubId PSubscribe(std::string pattern, Handler handler, const SubscriberOptions& options = {});
  // UNSUBSCRIBE / PUNSUBSCRIBE: no further messages; those already published still arrive.
  void Unsubscribe(SubId id);
  // A disconnected subscriber misses every message until it reconnects,
  // including those still travelling on the dropped connection.
  void SetConnected(SubId id, bool connected);
  bool connected(SubId id) const { return subs_[id].connected; }

  // PUBLISH channel message, executed at the server now; deliveries land
  // after base_delay (the server->client half round trip) plus the
  // subscriber's delay. Returns the number of receivers, as Redis does.
  int64_t Publish(std::string_view channel, std::string_view message, SimTime base_delay = 0);
  // PUBSUB NUMSUB channel (connected subscribers only, as in Redis).
  int64_t NumSub(std::string_view channel) const;
  // PUBSUB NUMPAT: connected pattern subscriptions.
  int64_t NumPat() const;

  const PubSubStats& stats() const { return stats_; }

 private:
  struct Sub {
    std::string channel;  // or the glob, when pattern
    Handler handler;
    SubscriberOptions options;
    Rng rng{0};
    uint32_t epoch = 0;  // bumped on every disconnect: what travelled on the old connection is gone
    bool active = false, connected = false, pattern = false;
  };
  struct InFlight {
    SubId sub;
    uint32_t epoch;
    std::string channel, message;
  };
  SubId Add(std::string channel, Handler handler, const SubscriberOptions& options, bool pattern);
  // One delivery attempt to s (a receiver unless disconnected); true if counted as a receiver.
  bool Deliver(SubId id, std::string_view channel, std::string_view message, SimTime base_delay);
  void Arrive(uint32_t slot);

  Simulator& sim_;
  uint64_t seed_;
  std::vector<Sub> subs_;
  Slab<InFlight> inflight_;  // events carry only the index
  PubSubStats stats_;
};

}  // namespace cachelab
