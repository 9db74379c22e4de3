#include "live/paced_live_backend.h"

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "live/connect_check.h"
#include "live/key_cleanup.h"
#include "live/server_info.h"
#include "sim/run_report.h"
#include "sim/sim_pubsub.h"
#include "sim/simulator.h"

namespace cachelab::live {
namespace {

// A quiet spell this long (wall) ends a burst of failures.
constexpr double kBurstGapS = 0.2;
// Idle wait when nothing is in flight: bounds the added lag without spinning a core.
constexpr auto kIdle = std::chrono::microseconds(50);

}  // namespace

PacedLiveBackend::PacedLiveBackend(const LiveRunSettings& s)
    : s_(s), cluster_(s.endpoints, s.cluster), redis_(cluster_, s.prefix), scaled_(redis_, s.speedup) {
  CheckPrefix(s.prefix);
  for (size_t n = 0; n < cluster_.size(); ++n) ConnectOrThrow(cluster_, n);
  if (s.flushdb && !FlushAll(cluster_)) throw std::runtime_error("FLUSHDB failed");
  removed_at_start_ = DeleteKeysWithPrefix(cluster_, s.prefix);  // every run starts cold
  expired_before_ = SumInfo("stats", "expired_keys");
  evicted_before_ = SumInfo("stats", "evicted_keys");
}

int64_t PacedLiveBackend::SumInfo(const char* section, const char* field) {
  int64_t sum = 0;
  for (size_t n = 0; n < cluster_.size(); ++n)
    if (cluster_.conn(n).connected() && cluster_.conn(n).in_flight() == 0)
      sum += std::max<int64_t>(0, InfoNumber(cluster_.conn(n), section, field));
  return sum;
}

void PacedLiveBackend::BridgePubSub(SimPubSub& local) {
  local_pubsub_ = &local;
  for (size_t n = 0; n < cluster_.size(); ++n) {
    auto sub = std::make_unique<Subscriber>(s_.endpoints[n], s_.cluster.conn);
    if (!sub->Subscribe({s_.prefix + "*"}, /*patterns=*/true))
      throw std::runtime_error("cannot subscribe to " + s_.prefix + "* on " + s_.endpoints[n].Label() + ": " +
                               sub->last_error());
    subscribers_.push_back(std::move(sub));
  }
}

size_t PacedLiveBackend::PumpMessages(int wait_ms) {
  if (!local_pubsub_) return 0;
  messages_.clear();
  for (auto& sub : subscribers_) sub->Poll(wait_ms, &messages_);  // a dropped subscriber loses messages, as in Redis
  for (const auto& m : messages_) {
    if (m.channel.compare(0, s_.prefix.size(), s_.prefix) != 0) continue;
    local_pubsub_->Publish(std::string_view(m.channel).substr(s_.prefix.size()), m.payload);
    ++bridged_;
  }
  return messages_.size();
}

void PacedLiveBackend::Drive(Simulator& sim) {
  if (!started_) {
    started_ = true;
    wall_start_ = WallClock::now();
    sim_start_ = sim.Now();
    cluster_offset_s_ = cluster_.Elapsed();
  }
  const double ns_per_wall_s = s_.speedup * kSecond;
  while (sim.pending_foreground() > 0 || redis_.in_flight() > 0) {
    double wall = WallSeconds();
    // How far the simulator is behind the wall clock before catching up.
    double lag_ms = std::max(0.0, (wall - static_cast<double>(sim.Now() - sim_start_) / ns_per_wall_s) * 1e3);
    max_lag_ms_ = std::max(max_lag_ms_, lag_ms);
    lag_sum_ms_ += lag_ms;
    ++lag_samples_;
    SimTime target = sim_start_ + static_cast<SimTime>(wall * ns_per_wall_s);
    uint64_t before = sim.events_run();
    if (target > sim.Now()) sim.RunUntil(target);
    // Sends what the events queued and runs the replies that are in; with
    // calls in flight, waits for the first reply (loopback: tens of us).
    bool waiting = redis_.in_flight() > 0;
    size_t delivered = redis_.Poll(waiting ? 1 : 0);
    delivered += PumpMessages(0);
    NoteFailures(sim.Now());
    if (rebaseline_ && redis_.in_flight() == 0) {
      rebaseline_ = false;
      expired_before_ = SumInfo("stats", "expired_keys");
      evicted_before_ = SumInfo("stats", "evicted_keys");
    }
    // The last messages may still be on their way to the subscribers.
    if (sim.pending_foreground() == 0 && redis_.in_flight() == 0) delivered += PumpMessages(5);
    if (!waiting && delivered == 0 && sim.events_run() == before) std::this_thread::sleep_for(kIdle);
  }
}

void PacedLiveBackend::StartMeasurement() {
  commands_before_ = scaled_.commands();
  failed_before_ = redis_.failed();
  unsendable_before_ = redis_.unsendable();
  cluster_.StartMeasurement();  // live.reconnects, disconnects, ... from here
  resubscribes_before_ = Resubscribes();
  rebaseline_ = true;
}

uint64_t PacedLiveBackend::Resubscribes() const {
  uint64_t n = 0;
  for (const auto& sub : subscribers_) n += sub->resubscribes();
  return n;
}

void PacedLiveBackend::NoteFailures(SimTime now) {
  uint64_t failed = redis_.failed();
  if (failed > failed_seen_) {
    if (!in_burst_) {
      in_burst_ = true;
      burst_start_ = now;
      burst_failed_ = 0;
    }
    if (first_failure_ < 0) first_failure_ = now;
    burst_failed_ += failed - failed_seen_;
    failed_seen_ = failed;
    burst_last_ = last_failure_ = now;
    burst_last_wall_ = WallSeconds();
  } else if (in_burst_ && WallSeconds() - burst_last_wall_ > kBurstGapS) {
    CloseBurst();
  }
}

void PacedLiveBackend::CloseBurst() {
  if (!in_burst_) return;
  in_burst_ = false;
  events_.push_back({burst_start_, "cache-errors",
                     std::to_string(burst_failed_) + " cache operations failed until t=" +
                         std::to_string(ToSeconds(burst_last_)) + " s (strategies fell back to the database)"});
}

void PacedLiveBackend::Report(RunReport* r) {
  CloseBurst();
  double wall = started_ ? WallSeconds() : 0;
  r->Set("backend", cluster_.Labels());
  r->Set("live.speedup", s_.speedup);
  r->Set("live.wall_seconds", wall);
  r->Set("live.max_lag_ms", max_lag_ms_);
  r->Set("live.mean_lag_ms", lag_samples_ ? lag_sum_ms_ / lag_samples_ : 0.0);
  r->Set("live.failed_ops", static_cast<int64_t>(redis_.failed() - failed_before_));
  r->Set("live.unsendable_ops", static_cast<int64_t>(redis_.unsendable() - unsendable_before_));
  r->Set("live.first_failure_s", first_failure_ < 0 ? -1.0 : ToSeconds(first_failure_));
  r->Set("live.last_failure_s", last_failure_ < 0 ? -1.0 : ToSeconds(last_failure_));
  // The server's own figures replace the unused simulated node's (deltas: the
  // server may be shared, and other clients' keys count too).
  r->Set("expirations", SumInfo("stats", "expired_keys") - expired_before_);
  r->Set("evictions", SumInfo("stats", "evicted_keys") - evicted_before_);
  int64_t used = SumInfo("memory", "used_memory");  // server-wide, at the end
  r->Set("memory_bytes", used);
  r->Set("memory_bytes_peak", used);  // not sampled live: the end value, a lower bound
  r->Set("cache_commands", static_cast<int64_t>(scaled_.commands() - commands_before_));
  if (local_pubsub_) {
    r->Set("live.pubsub_bridged", static_cast<int64_t>(bridged_));
    r->Set("live.pubsub_resubscribes", static_cast<int64_t>(Resubscribes() - resubscribes_before_));
  }
  r->Set("keys_removed_at_start", removed_at_start_);
  if (!s_.keep_keys)
    cleanup_ = RemoveKeysWithPrefix(cluster_, s_.prefix, std::chrono::milliseconds(s_.cleanup_wait_ms));
  r->Set("keys_removed", cleanup_.keys_removed());
  RunReport conn;
  cluster_.Report(&conn);  // live.reconnects, ...; node-down/up on the cluster's wall clock
  r->fields.insert(r->fields.end(), conn.fields.begin(), conn.fields.end());
  for (RunEvent e : conn.events) {
    double sim_s = (ToSeconds(e.t) - cluster_offset_s_) * s_.speedup;
    e.t = sim_start_ + static_cast<SimTime>(std::max(0.0, sim_s) * kSecond);
    events_.push_back(std::move(e));
  }
  std::sort(events_.begin(), events_.end(), [](const RunEvent& a, const RunEvent& b) { return a.t < b.t; });
  r->events.insert(r->events.end(), events_.begin(), events_.end());
}

}  // namespace cachelab::live
