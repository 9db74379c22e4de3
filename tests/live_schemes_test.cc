// Live runs without refusals (issue 14): `cachelab run --backend` with the
// pattern and pubsub invalidation schemes, and loads per expiry, on a real
// redis-server started here. Expectations: pub/sub without loss delivers each
// published invalidation to every application server (delivered = published x
// servers, none unapplied), each one a real message through the server
// (live.pubsub_bridged = published); pattern invalidation's SCAN MATCH finds
// the written key's family on the server and deletes it; the expiry herd is
// counted on the client, as in simulation.
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "lab/experiment.h"
#include "live/paced_live_backend.h"

#include "support/redis_server.h"
#include "support/run_cli.h"

using cachelab::testing::RunCli;
using json = nlohmann::json;

namespace {

json LiveJson(const cachelab::testing::RedisServer& server, const std::string& flags) {
  auto r = RunCli("run --no-store --json --backend " + server.url() +
                  " --requests 3000 --rate 3000 --keys 200 --read-fraction 0.7 --ttl 300ms " + flags);
  INFO(flags << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("pubsub and pattern invalidation run live; loads per expiry are measured live", "[live]") {
  cachelab::testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);

  json pubsub = LiveJson(server, "--invalidation pubsub --servers 3");
  int64_t published = pubsub["pubsub_published"];
  CHECK(published > 500);  // ~900 writes
  CHECK(pubsub["pubsub_subscribers"] == 3);
  CHECK(pubsub["pubsub_delivered"] == published * 3);
  CHECK(pubsub["invalidations_unapplied"] == 0);
  CHECK(pubsub["live"]["pubsub_bridged"] == published);
  CHECK(pubsub["live"]["failed_ops"] == 0);

  // Pattern subscriptions: PSUBSCRIBE on the simulated side, per-key and
  // family channels on the server. Each family event drops the ten keys of
  // the family (keys 0..199: every family is whole) on each of the 3 servers.
  const std::string patterns = "--invalidation pubsub --servers 3 --pubsub-patterns on --pattern-fraction 0.25";
  json family = LiveJson(server, patterns);
  int64_t fpublished = family["pubsub_published"], events = family["pubsub_family_events"];
  CHECK(family["pubsub_delivered"] == fpublished * 3);
  CHECK(family["live"]["pubsub_bridged"] == fpublished);
  CHECK(family["invalidations_unapplied"] == 0);
  CHECK(events > fpublished / 8);  // ~1/4 of them
  CHECK(events < fpublished / 2);
  CHECK(family["pubsub_family_keys_deleted"] == events * 3 * 10);
  CHECK(family["live"]["failed_ops"] == 0);
  // The simulated run draws the same writes and family events (same seed).
  auto sim = RunCli("run --no-store --json --requests 3000 --rate 3000 --keys 200 --read-fraction 0.7 --ttl 300ms " +
                    patterns);
  REQUIRE(sim.exit_code == 0);
  json simj = json::parse(sim.out);
  CHECK(simj["pubsub_published"] == fpublished);
  CHECK(simj["pubsub_family_events"] == events);
  CHECK(simj["pubsub_family_keys_deleted"] == events * 3 * 10);

  json pattern = LiveJson(server, "--invalidation pattern --pattern-fraction 1 --scan-count 50");
  CHECK(pattern["pattern_invalidations"].get<int64_t>() > 500);
  CHECK(pattern["pattern_scan_commands"].get<int64_t>() >= pattern["pattern_invalidations"].get<int64_t>());
  CHECK(pattern["pattern_keys_deleted"].get<int64_t>() > 100);  // the families were found under the prefix
  CHECK(pattern["live"]["failed_ops"] == 0);

  json herd = LiveJson(server, "--stampede none");
  CHECK(herd["expiry_episodes"].get<int64_t>() > 50);
  CHECK(herd["loads_per_expiry_mean"].get<double>() >= 1.0);
}

TEST_CASE("live pub/sub survives a server restart: the subscriber comes back and resubscribes", "[live]") {
  cachelab::testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  cachelab::live::LiveRunSettings s;
  s.endpoints = {server.endpoint()};
  s.cluster.conn.command_timeout_ms = 200;
  s.cluster.conn.backoff_max_ms = 100;
  cachelab::live::PacedLiveBackend backend(s);
  cachelab::Params p;
  for (auto [k, v] : {std::pair{"requests", "5000"}, {"rate", "2000"}, {"keys", "200"}, {"read-fraction", "0.7"},
                      {"invalidation", "pubsub"}, {"servers", "2"}})
    p.Set(k, v);
  std::thread chaos([&] {  // down from 0.6 s to 1.1 s of a 2.5 s run
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    server.Kill();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    server.Start();
  });
  cachelab::RunReport r = cachelab::RunExperiment(p, {}, &backend);
  chaos.join();
  double unapplied = r.GetNumber("invalidations_unapplied_ratio");
  INFO("published " << r.GetNumber("pubsub_published") << ", bridged " << r.GetNumber("live.pubsub_bridged")
                    << ", unapplied ratio " << unapplied << ", resubscribes " << r.GetNumber("live.pubsub_resubscribes"));
  CHECK(r.GetNumber("live.pubsub_resubscribes") >= 1);
  // Without the resubscribe every message after 0.6 s is lost (measured with
  // it disabled: 0.753, bridged 384 of 1556; with it: 0.239, bridged 1184);
  // with it, about the outage's fifth of the run and the reconnect's backoff.
  CHECK(unapplied > 0.05);
  CHECK(unapplied < 0.5);
}
