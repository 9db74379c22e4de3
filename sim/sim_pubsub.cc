#include "sim/sim_pubsub.h"

#include "sim/glob.h"

namespace cachelab {

SimPubSub::SubId SimPubSub::Subscribe(std::string channel, Handler handler, const SubscriberOptions& options) {
  return Add(std::move(channel), std::move(handler), options, false);
}

SimPubSub::SubId SimPubSub::PSubscribe(std::string pattern, Handler handler, const SubscriberOptions& options) {
  return Add(std::move(pattern), std::move(handler), options, true);
}

SimPubSub::SubId SimPubSub::Add(std::string channel, Handler handler, const SubscriberOptions& options, bool pattern) {
  SubId id = static_cast<SubId>(subs_.size());
  Sub& s = subs_.emplace_back();
  s.channel = std::move(channel);
  s.handler = std::move(handler);
  s.options = options;
  s.rng = Rng(seed_, "pubsub-subscriber", id);  // own stream: adding one changes no other's draws
  s.active = s.connected = true;
  s.pattern = pattern;
  return id;
}

void SimPubSub::Unsubscribe(SubId id) { subs_[id].active = false; }

void SimPubSub::SetConnected(SubId id, bool connected) {
  Sub& s = subs_[id];
  if (s.connected && !connected) ++s.epoch;
  s.connected = connected;
}

int64_t SimPubSub::NumSub(std::string_view channel) const {
  int64_t n = 0;
  // A disconnected subscriber has no subscriptions at the server (Redis frees
  // them with the connection): not counted, as PUBLISH does not count it.
  for (const auto& s : subs_) n += s.active && s.connected && !s.pattern && s.channel == channel;
  return n;
}

int64_t SimPubSub::NumPat() const {
  int64_t n = 0;
  for (const auto& s : subs_) n += s.active && s.connected && s.pattern;
  return n;
}

int64_t SimPubSub::Publish(std::string_view channel, std::string_view message, SimTime base_delay) {
  ++stats_.published;
  int64_t receivers = 0;
  for (SubId id = 0; id < subs_.size(); ++id)  // channel subscribers first, as Redis
    if (subs_[id].active && !subs_[id].pattern && subs_[id].channel == channel)
      receivers += Deliver(id, channel, message, base_delay);
  for (SubId id = 0; id < subs_.size(); ++id)
    if (subs_[id].active && subs_[id].pattern && GlobMatch(subs_[id].channel, channel))
      receivers += Deliver(id, channel, message, base_delay);
  stats_.receivers += static_cast<uint64_t>(receivers);
  return receivers;
}

bool SimPubSub::Deliver(SubId id, std::string_view channel, std::string_view message, SimTime base_delay) {
  Sub& s = subs_[id];
  if (!s.connected) {  // the server has no connection to push to
    ++stats_.missed;
    return false;
  }
  // Draw delay and loss for every receiver, lost or not, so a subscriber's
  // stream depends only on the messages it was sent.
  SimTime delay = base_delay + static_cast<SimTime>(s.options.delay.Sample(s.rng));
  bool lost = s.rng.Bernoulli(s.options.loss);
  if (lost) {
    ++stats_.lost;
    return true;
  }
  uint32_t slot = inflight_.Acquire();
  InFlight& f = inflight_[slot];
  f.sub = id;
  f.epoch = s.epoch;
  f.channel.assign(channel);
  f.message.assign(message);
  sim_.Schedule(delay, [this, slot] { Arrive(slot); });
  return true;
}

void SimPubSub::Arrive(uint32_t slot) {
  InFlight& f = inflight_[slot];
  Sub& s = subs_[f.sub];
  inflight_.Release(slot);  // the handler may publish again: release first, move out below
  // Not `active`: a message published before UNSUBSCRIBE already left the
  // server (Redis queued it to the client), so it still arrives.
  if (!s.connected || s.epoch != f.epoch) {  // the connection dropped while it travelled
    ++stats_.missed;
    return;
  }
  ++stats_.delivered;
  std::string channel = std::move(f.channel), message = std::move(f.message);
  s.handler(channel, message);
}

}  // namespace cachelab
