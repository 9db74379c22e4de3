// Pub/sub: the simulated PUBLISH/SUBSCRIBE semantics (fire-and-forget: only
// subscribers connected at publish and at arrival get a message; per-subscriber
// delay and loss), and event-based invalidation on top: with loss probability
// p, about a fraction p of invalidations is not applied (binomial bounds), and
// those keys stay stale until their TTL.
#include <catch2/catch.hpp>
#include <cmath>

#include "strategies/invalidation/pubsub_invalidation.h"
#include "tests/invalidation_support.h"

using namespace cachelab;
using cachelab::testing::InvalidationHarness;

namespace {

struct Received {
  int sub;
  std::string message;
  SimTime at;
};

}  // namespace

TEST_CASE("pubsub: PUBLISH reaches connected subscribers after their delay, and counts them") {
  Simulator sim;
  SimPubSub ps(sim, 1);
  std::vector<Received> got;
  auto handler = [&](int sub) {
    return [&, sub](std::string_view, std::string_view m) { got.push_back({sub, std::string(m), sim.Now()}); };
  };
  ps.Subscribe("c", handler(0), {Distribution::Fixed(1000), 0});
  ps.Subscribe("c", handler(1), {Distribution::Fixed(5000), 0});
  ps.Subscribe("other", handler(2), {});
  CHECK(ps.NumSub("c") == 2);
  CHECK(ps.Publish("c", "hello", 100) == 2);
  CHECK(ps.Publish("nobody", "x") == 0);
  sim.Run();
  REQUIRE(got.size() == 2);
  CHECK(got[0].sub == 0);
  CHECK(got[0].at == 1100);
  CHECK(got[1].sub == 1);
  CHECK(got[1].at == 5100);
  CHECK(got[1].message == "hello");
}

TEST_CASE("pubsub: a disconnected subscriber misses messages; nothing is replayed on reconnect") {
  Simulator sim;
  SimPubSub ps(sim, 1);
  int received = 0;
  auto id = ps.Subscribe("c", [&](std::string_view, std::string_view) { ++received; }, {Distribution::Fixed(1000), 0});
  ps.SetConnected(id, false);
  CHECK(ps.Publish("c", "m1") == 0);  // not a receiver
  ps.SetConnected(id, true);
  CHECK(ps.Publish("c", "m2") == 1);
  sim.Schedule(500, [&] { ps.SetConnected(id, false); });  // drops while m2 travels
  sim.Schedule(800, [&] { ps.SetConnected(id, true); });
  sim.Run();
  CHECK(received == 0);
  CHECK(ps.stats().missed == 2);
  ps.Unsubscribe(id);
  CHECK(ps.Publish("c", "m3") == 0);
}

TEST_CASE("pubsub: PUBLISH through the simulated Redis command path") {
  Simulator sim;
  SimRedis redis(sim, testing::FixedRedis(200 * kMicrosecond), 1);
  SimTime at = -1;
  redis.pubsub().Subscribe("c", [&](std::string_view, std::string_view m) {
    CHECK(m == "payload");
    at = sim.Now();
  });
  int64_t receivers = -1;
  redis.Command({"PUBLISH", "c", "payload"}, [&](RedisReply&& r) { receivers = r.integer; });
  sim.Run();
  CHECK(receivers == 1);
  CHECK(at == 200 * kMicrosecond);  // half an RTT to the server, half back to the subscriber
}

TEST_CASE("pubsub: loss p leaves about p of invalidations unapplied, stale until their TTL") {
  const uint64_t n = 5000;
  const double p = 0.2;
  InvalidationConfig ic;
  ic.keys = n;
  ic.servers = 1;  // one subscriber: a lost message is a lost invalidation
  ic.pubsub_loss = p;
  ic.ttl = 10 * kSecond;
  InvalidationHarness h("pubsub", ic);
  h.WarmUp(n);
  h.RunUntil(10 * kMillisecond);
  for (uint64_t k = 0; k < n; ++k) h.At(10 * kMillisecond + static_cast<SimTime>(k) * 100 * kMicrosecond, Op::kSet, k);
  h.RunUntil(2 * kSecond);
  REQUIRE(h.writes_done() == n);
  auto& ps = h.scheme<PubSubInvalidation>();
  uint64_t unapplied = ps.unapplied();
  double sd = std::sqrt(n * p * (1 - p));
  INFO("unapplied " << unapplied << " of " << n << ", expected " << n * p << " +- " << sd);
  CHECK(std::abs(static_cast<double>(unapplied) - n * p) <= 4.5 * sd);
  // Exactly those keys are still cached, with the old version, while the database moved on.
  uint64_t still_cached = 0;
  for (uint64_t k = 0; k < n; ++k) {
    RedisReply v = h.store().Get(CacheKey(k));
    if (v.type != RedisReply::Type::kString) continue;
    ++still_cached;
    CHECK(VersionOf(v.str) < h.db().Version(k));
  }
  CHECK(still_cached == unapplied);
  // A read of one of them is served the stale value until the TTL ends.
  h.RunUntil(11 * kSecond);
  CHECK(h.store().size() == 0);
}

TEST_CASE("pubsub: near caches on every server, invalidated by their subscribers") {
  InvalidationConfig ic;
  ic.keys = 100;
  ic.servers = 3;
  ic.near_cache = true;
  ic.near_ttl = 5 * kSecond;
  ic.pubsub_delay = Distribution::Fixed(static_cast<double>(1 * kMillisecond));
  InvalidationHarness h("pubsub", ic);
  for (uint32_t s = 0; s < 3; ++s) h.At(0, Op::kGet, 1, s);          // every server fills its near copy
  for (uint32_t s = 0; s < 3; ++s) h.At(10 * kMillisecond, Op::kGet, 1, s);  // near hits
  h.At(20 * kMillisecond, Op::kSet, 1, 0);                           // committed at 22 ms; messages land ~23.5 ms
  for (uint32_t s = 0; s < 3; ++s) h.At(30 * kMillisecond, Op::kGet, 1, s);
  h.RunUntil(1 * kSecond);
  const auto& sv = h.served();
  REQUIRE(sv.size() == 9);
  for (int i = 3; i < 6; ++i) CHECK(sv[i].at == 10 * kMillisecond);  // answered in-process
  for (int i = 6; i < 9; ++i) {
    CHECK(sv[i].read.version == 1);
    CHECK(sv[i].at > 30 * kMillisecond);  // went past the near cache
  }
}
