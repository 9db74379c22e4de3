#include "strategies/invalidation/pubsub_invalidation.h"

#include <algorithm>
#include <charconv>

#include "sim/sim_redis.h"
#include "strategies/invalidation/node_dels.h"

namespace cachelab {

PubSubInvalidation::PubSubInvalidation(Harness& h, const InvalidationConfig& c, SimRedis& redis)
    : SchemeBase(h, c),
      redis_(redis),
      outage_rng_(c.seed, "pubsub-outages"),
      family_rng_(c.seed, "pubsub-family") {
  SubscriberOptions opt{c.pubsub_delay, c.pubsub_loss};
  for (uint32_t s = 0; s < c.servers; ++s) {
    auto handler = [this, s](std::string_view channel, std::string_view message) { OnMessage(s, channel, message); };
    subs_.push_back(c.pubsub_patterns ? redis.pubsub().PSubscribe(kPattern, handler, opt)
                                      : redis.pubsub().Subscribe(kChannel, handler, opt));
    if (c.pubsub_disconnect_every > 0) ScheduleDisconnect(subs_.back());
  }
  h.metrics().ExternalCounter("pubsub_lost", [this] {
    return static_cast<int64_t>(stats().lost + stats().missed);
  });
}

const PubSubStats& PubSubInvalidation::stats() const { return redis_.pubsub().stats(); }

void PubSubInvalidation::ScheduleDisconnect(SimPubSub::SubId sub) {
  // Outages as a background process: exponential gaps, fixed length.
  SimTime gap = static_cast<SimTime>(outage_rng_.Exponential(static_cast<double>(c_.pubsub_disconnect_every)));
  h_.sim().Schedule(
      gap,
      [this, sub] {
        redis_.pubsub().SetConnected(sub, false);
        ++disconnects_;
        h_.sim().Schedule(
            c_.pubsub_disconnect_for,
            [this, sub] {
              redis_.pubsub().SetConnected(sub, true);
              ScheduleDisconnect(sub);
            },
            /*background=*/true);
      },
      /*background=*/true);
}

void PubSubInvalidation::OnWrite(uint64_t key, Done done) {
  ++writes_;
  uint32_t parked = Park(std::move(done));
  if (!near_) {
    Publish(key, parked, false);
    return;
  }
  // Two-tier: the writer deletes the shared Redis copy, the message the near copies.
  h_.cache_for(key).Del(CacheKey(key), [this, key, parked](RedisReply&&) { Publish(key, parked, false); });
}

void PubSubInvalidation::OnWriteSet(uint64_t key, uint64_t, Done done) {
  ++writes_;
  Publish(key, Park(std::move(done)), true);
}

void PubSubInvalidation::Publish(uint64_t key, uint32_t parked, bool writer_set) {
  uint64_t seq = applied_.size();
  applied_.push_back(0);
  writer_set_.push_back(writer_set);
  CountExtra();
  std::string message = std::to_string(key) + " " + std::to_string(seq);
  std::string channel = kChannel;
  if (c_.pubsub_patterns) {
    bool family = family_rng_.Bernoulli(c_.pattern_fraction);
    family_events_ += family;
    channel += family ? ":family:" + std::to_string(key / 10) : ":key:" + std::to_string(key);
  }
  PublishTarget(key).Command({"PUBLISH", std::move(channel), std::move(message)}, [this, parked](RedisReply&&) {
    Unpark(parked)();  // fire-and-forget: acknowledged once the server took it
  });
}

CacheBackend& PubSubInvalidation::PublishTarget(uint64_t key) {
  // Simulated nodes: the bus, the server whose channels the subscribers listen
  // on. A PUBLISH to the key's own node would reach no subscriber there
  // (channels of independent servers do not meet) and the write would go
  // unseen. Live: the key's node, as any client would; the bridge
  // (live/paced_live_backend.h) listens on every node.
  CacheBackend& owner = h_.cache_for(key);
  return dynamic_cast<SimRedis*>(&owner) ? static_cast<CacheBackend&>(redis_) : owner;
}

void PubSubInvalidation::OnMessage(uint32_t server, std::string_view channel, std::string_view message) {
  uint64_t key = 0, seq = 0;
  const char* end = message.data() + message.size();
  auto [p, ec] = std::from_chars(message.data(), end, key);
  if (ec != std::errc() || p == end) return;
  std::from_chars(p + 1, end, seq);
  if (seq < applied_.size()) applied_[seq] = 1;
  ++applications_;
  if (channel.find(":family:") != std::string_view::npos) {
    DropFamily(server, key, seq < writer_set_.size() && writer_set_[seq]);
    return;
  }
  if (near_) {
    near_->Erase(server, key);
    return;
  }
  if (seq < writer_set_.size() && writer_set_[seq]) return;  // the Redis copy is the new value
  CountExtra();
  h_.cache_for(key).Del(CacheKey(key), [](RedisReply&&) {});
}

void PubSubInvalidation::DropFamily(uint32_t server, uint64_t key, bool writer_set) {
  // The family of the pattern scheme ("k:<key/10>?"), within the keyspace.
  uint64_t first = key / 10 * 10, last = std::min<uint64_t>(first + 10, c_.keys);
  if (near_) {
    for (uint64_t k = first; k < last; ++k) near_->Erase(server, k);
    return;
  }
  // One DEL per node holding family members; the key the writer SET keeps its new value.
  NodeDels dels;
  for (uint64_t k = first; k < last; ++k)
    if (!(writer_set && k == key)) dels.Add(h_.cache_for(k), CacheKey(k));
  CountExtra(dels.commands());
  family_dropped_ += dels.keys();
  dels.Send([](int64_t) {});
}

uint64_t PubSubInvalidation::unapplied() const {
  uint64_t n = 0;
  for (uint64_t i = first_measured_; i < applied_.size(); ++i) n += !applied_[i];
  return n;
}

void PubSubInvalidation::StartMeasurement() {
  SchemeBase::StartMeasurement();
  first_measured_ = applied_.size();
  at_start_ = stats();
  applications_ = disconnects_ = family_events_ = family_dropped_ = 0;
}

void PubSubInvalidation::Report(RunReport* r) const {
  SchemeBase::Report(r);
  PubSubStats s = stats();
  s.delivered -= at_start_.delivered;
  s.lost -= at_start_.lost;
  s.missed -= at_start_.missed;
  uint64_t attempts = published() * subs_.size();  // (message, subscriber) pairs
  r->Set("extra_memory_bytes", int64_t{0});
  r->Set("pubsub_subscribers", static_cast<int64_t>(subs_.size()));
  r->Set("pubsub_published", static_cast<int64_t>(published()));
  r->Set("pubsub_delivered", static_cast<int64_t>(s.delivered));
  r->Set("pubsub_lost", static_cast<int64_t>(s.lost));
  r->Set("pubsub_missed_disconnected", static_cast<int64_t>(s.missed));
  r->Set("pubsub_lost_ratio", attempts ? static_cast<double>(s.lost + s.missed) / attempts : 0.0);
  r->Set("pubsub_disconnects", static_cast<int64_t>(disconnects_));
  if (c_.pubsub_patterns) {
    r->Set("pubsub_family_events", static_cast<int64_t>(family_events_));
    r->Set("pubsub_family_keys_deleted", static_cast<int64_t>(family_dropped_));
  }
  r->Set("invalidations_unapplied", static_cast<int64_t>(unapplied()));
  r->Set("invalidations_unapplied_ratio", published() ? static_cast<double>(unapplied()) / published() : 0.0);
}

}  // namespace cachelab
