// Nothing outside --key-prefix (issue 17, item 1). A real redis-server (7.0,
// started here, notify-keyspace-events KA) holds a foreign application's keys
// of every shape the lab names (k:N, k:N:vM, tag:N, v:N, ver:k:N, lock:k:N,
// lease:N, refresh:k:N, the default prefix's cachelab:k:N, near-miss prefixes),
// of every type (string, hash, list, set, zset), a third with an expiry.
// Every strategy x invalidation scheme x stampede guard then runs live under
// the prefix "lab:" with writes, expiries, pattern SCANs (pattern-fraction 1)
// and contention. Expectations, from the server itself: every foreign key's
// DUMP and absolute expiry (PEXPIRETIME) are byte-identical afterwards, no
// other key exists, and a PSUBSCRIBE * subscriber, which also receives every
// keyspace notification, saw no key touched and no message published outside
// the prefix. Before the fix, tag invalidation sent DEL lab:k:25 tag:25 k:5 ...
#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <sstream>

#include "lab/experiment.h"
#include "live/command_keys.h"
#include "live/live_redis.h"
#include "live/live_run_checks.h"
#include "live/paced_live_backend.h"
#include "live/subscriber.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/stampede/guard.h"
#include "strategies/strategy.h"
#include "support/redis_server.h"
#include "support/run_cli.h"

using namespace cachelab;

namespace {

constexpr const char* kPrefix = "lab:";

// Foreign names: the lab's own shapes without its prefix, and near misses.
std::vector<std::string> ForeignNames() {
  std::vector<std::string> names;
  const char* shapes[] = {"k:",        "tag:",   "v:",      "ver:k:",  "lock:k:", "lease:",  "lease:k:",
                          "refresh:k:", "cachelab:k:", "la:k:", "LAB:k:", "lab;k:", "xlab:k:"};
  for (const char* s : shapes)
    for (int n = 0; n < 60; ++n) names.push_back(s + std::to_string(n));
  for (int n = 0; n < 60; ++n)
    for (const char* v : {":v0", ":v1", ":v2"}) names.push_back("k:" + std::to_string(n) + v);
  for (const char* single : {"lab", "cachelab:invalidate", "invalidate", "k:*", "k:?", "*", "lab*", "k:[1]"})
    names.push_back(single);
  return names;
}

void Fill(live::RedisConn& c, const std::vector<std::string>& names) {
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string& k = names[i];
    RedisReply r;
    switch (i % 5) {
      case 0: r = c.Command({"SET", k, "foreign " + k}); break;
      case 1: r = c.Command({"HSET", k, "f", "1", "g", "2"}); break;
      case 2: r = c.Command({"RPUSH", k, "a", "b", "c"}); break;
      case 3: r = c.Command({"SADD", k, "k:1", "k:2", "tag:3"}); break;
      case 4: r = c.Command({"ZADD", k, "1", "k:1", "2", "k:2"}); break;
    }
    REQUIRE(!r.is_error());
    if (i % 3 == 0) REQUIRE(c.Command({"PEXPIRE", k, "3600000"}).integer == 1);
  }
}

// DUMP bytes and absolute expiry (ms since the epoch; -1: none) of each name.
std::map<std::string, std::string> Snapshot(live::RedisConn& c, const std::vector<std::string>& names) {
  std::map<std::string, std::string> out;
  for (const auto& k : names) {
    RedisReply d = c.Command({"DUMP", k});
    RedisReply t = c.Command({"PEXPIRETIME", k});
    REQUIRE(!d.is_error());
    REQUIRE(t.type == RedisReply::Type::kInteger);
    out[k] = d.str.Materialize() + "|" + std::to_string(t.integer);
  }
  return out;
}

// Names outside the prefix that a message or keyspace notification shows.
std::vector<std::string> ForeignTouches(const std::vector<live::PushMessage>& messages) {
  const std::string keyspace = "__keyspace@0__:";
  std::vector<std::string> bad;
  for (const auto& m : messages) {
    std::string name = m.channel.rfind(keyspace, 0) == 0 ? m.channel.substr(keyspace.size()) : m.channel;
    if (name.rfind(kPrefix, 0) != 0) bad.push_back(m.channel + " (" + m.payload + ")");
  }
  return bad;
}

Params ShortRun(const std::string& strategy, const std::string& scheme, const std::string& guard) {
  Params p;
  for (auto [k, v] : {std::pair{"requests", "150"}, {"rate", "20000"}, {"keys", "50"}, {"tags", "5"},
                      {"read-fraction", "0.6"}, {"ttl", "20ms"}, {"pattern-fraction", "1"}, {"scan-count", "10"},
                      {"lock-ttl", "50ms"}, {"poll-interval", "1ms"}, {"swr-window", "10ms"},
                      {"flush-interval", "5ms"}, {"tiers", "5ms,20ms"}, {"alpha", "1.2"}})
    p.Set(k, v);
  p.Set("strategy", strategy);
  p.Set("invalidation", scheme);
  p.Set("stampede", guard);
  return p;
}

}  // namespace

TEST_CASE("live commands: every key, channel and SCAN pattern is put under the prefix", "[live][prefix]") {
  using live::PrefixCommand;
  std::vector<std::string> del{"DEL", "k:25", "tag:5", "k:30"};
  CHECK(PrefixCommand(del, "p:").refusal.empty());
  CHECK(del == std::vector<std::string>{"DEL", "p:k:25", "p:tag:5", "p:k:30"});
  std::vector<std::string> sadd{"SADD", "tag:5", "k:25"};  // the member is a value, not a key
  PrefixCommand(sadd, "p:");
  CHECK(sadd == std::vector<std::string>{"SADD", "p:tag:5", "k:25"});
  std::vector<std::string> scan{"SCAN", "0", "MATCH", "k:12?", "COUNT", "10"};
  CHECK(PrefixCommand(scan, "p:").strip_scan_reply);
  CHECK(scan == std::vector<std::string>{"SCAN", "0", "MATCH", "p:k:12?", "COUNT", "10"});
  std::vector<std::string> bare{"scan", "0"};  // no MATCH: only the lab's keys
  PrefixCommand(bare, "p:");
  CHECK(bare == std::vector<std::string>{"scan", "0", "MATCH", "p:*"});
  std::vector<std::string> pub{"PUBLISH", "cachelab:invalidate", "25 1"};
  PrefixCommand(pub, "p:");
  CHECK(pub == std::vector<std::string>{"PUBLISH", "p:cachelab:invalidate", "25 1"});
  std::vector<std::string> mset{"MSET", "a", "1", "b", "2"};
  PrefixCommand(mset, "p:");
  CHECK(mset == std::vector<std::string>{"MSET", "p:a", "1", "p:b", "2"});
  for (std::vector<std::string> unknown : {std::vector<std::string>{"FLUSHALL"}, {"RENAME", "a", "b"},
                                           {"EVAL", "return 1", "0"}, {"KEYS", "*"}, {"SUBSCRIBE", "x"}}) {
    INFO(unknown[0]);
    CHECK(!PrefixCommand(unknown, "p:").refusal.empty());
  }
}

namespace {

// Servers full of foreign keys, each watched by a PSUBSCRIBE * subscriber
// (keyspace notifications included); Check() compares everything afterwards.
class ForeignWorld {
 public:
  explicit ForeignWorld(size_t servers) : names_(ForeignNames()) {
    for (size_t i = 0; i < servers; ++i) servers_.push_back(std::make_unique<testing::RedisServer>(
        std::vector<std::string>{"--notify-keyspace-events", "KA"}));
    for (auto& srv : servers_) {
      REQUIRE_REDIS_SERVER(*srv);
      conns_.push_back(std::make_unique<live::RedisConn>(srv->endpoint(), live::ConnOptions{}));
      REQUIRE(conns_.back()->EnsureConnected());
      Fill(*conns_.back(), names_);
      before_.push_back(Snapshot(*conns_.back(), names_));
      REQUIRE(conns_.back()->Command({"DBSIZE"}).integer == static_cast<int64_t>(names_.size()));
      watchers_.push_back(std::make_unique<live::Subscriber>(srv->endpoint(), live::ConnOptions{}));
      REQUIRE(watchers_.back()->Subscribe({"*"}, /*patterns=*/true));
      settings_.endpoints.push_back(srv->endpoint());
    }
    settings_.prefix = kPrefix;
    settings_.cluster.conn.command_timeout_ms = 20000;  // a prefix check, not a latency check
  }

  // One short live run; fails at once if anything outside the prefix moved.
  void Run(const std::string& strategy, const std::string& scheme, const std::string& guard) {
    Params p = ShortRun(strategy, scheme, guard);
    INFO(strategy << " / " << scheme << " / " << guard << " on " << servers_.size() << " node(s)");
    REQUIRE(live::LiveRunRefusal(p, servers_.size()) == "");
    live::PacedLiveBackend backend(settings_);
    RunReport r = RunExperiment(p, {}, &backend);
    REQUIRE(r.GetNumber("requests") == 150);
    CHECK(r.GetNumber("live.unsendable_ops") == 0);  // no command was refused for an unknown key layout
    // Anything else that failed timed out on a loaded machine (ASan, load 12: 18 once).
    INFO("timeouts " << r.GetNumber("live.timeouts") << ", disconnects " << r.GetNumber("live.disconnects"));
    CHECK(r.GetNumber("live.failed_ops") == 0);
    commands_ += static_cast<int64_t>(r.GetNumber("cache_commands"));
    ++runs_;
    for (auto& w : watchers_) {
      size_t seen = messages_.size();
      REQUIRE(w->Poll(5, &messages_));
      lab_touches_ += static_cast<int64_t>(messages_.size() - seen);
    }
    std::vector<std::string> bad = ForeignTouches(messages_);
    if (!bad.empty()) FAIL("outside the prefix: " << bad.front() << " (+" << bad.size() - 1 << " more)");
  }

  void Check() {
    for (auto& w : watchers_) REQUIRE(w->Poll(50, &messages_));
    INFO(runs_ << " live runs on " << servers_.size() << " node(s), " << commands_ << " cache commands, "
               << lab_touches_ << " notifications/messages, all under the prefix");
    CHECK(lab_touches_ > 1000);  // the watchers do see the lab's own traffic
    CHECK(ForeignTouches(messages_).empty());
    for (size_t i = 0; i < conns_.size(); ++i) {
      // The lab cleaned up, and created nothing outside its prefix.
      CHECK(conns_[i]->Command({"DBSIZE"}).integer == static_cast<int64_t>(names_.size()));
      const auto after = Snapshot(*conns_[i], names_);
      int changed = 0;
      for (const auto& k : names_) changed += before_[i].at(k) != after.at(k);
      CHECK(changed == 0);
    }
  }
  int runs() const { return runs_; }

 private:
  std::vector<std::string> names_;
  std::vector<std::unique_ptr<testing::RedisServer>> servers_;
  std::vector<std::unique_ptr<live::RedisConn>> conns_;
  std::vector<std::map<std::string, std::string>> before_;
  std::vector<std::unique_ptr<live::Subscriber>> watchers_;
  live::LiveRunSettings settings_;
  std::vector<live::PushMessage> messages_;
  int runs_ = 0;
  int64_t commands_ = 0, lab_touches_ = 0;
};

}  // namespace

TEST_CASE("every strategy x scheme x guard on a live server leaves foreign keys and channels alone",
          "[live][prefix]") {
  ForeignWorld world(1);
  for (const auto& strategy : StrategyNames())
    for (const auto& scheme : InvalidationNames())
      for (const auto& guard : StampedeNames()) world.Run(strategy, scheme, guard);
  world.Check();
  CHECK(world.runs() ==
        static_cast<int>(StrategyNames().size() * InvalidationNames().size() * StampedeNames().size()));
}

TEST_CASE("on two live nodes too: every strategy and scheme (but pattern) with the key-writing guards",
          "[live][prefix][cluster]") {
  ForeignWorld world(2);
  for (const auto& strategy : StrategyNames())
    for (const auto& scheme : InvalidationNames())
      for (const char* guard : {"none", "distributed-lock", "stale-while-revalidate", "lease"})
        if (scheme != "pattern") world.Run(strategy, scheme, guard);  // refused on several nodes
  world.Check();
  CHECK(world.runs() == static_cast<int>(StrategyNames().size() * (InvalidationNames().size() - 1) * 4));
}

TEST_CASE("a DEL over keys on several live nodes deletes each on its own node", "[live][cluster]") {
  testing::RedisServer a, b;
  REQUIRE_REDIS_SERVER(a);
  REQUIRE_REDIS_SERVER(b);
  live::RedisCluster cluster({a.endpoint(), b.endpoint()}, {});
  live::LiveRedis redis(cluster, kPrefix);
  std::vector<std::string> del{"DEL"};
  for (int k = 0; k < 40; ++k) {
    redis.Set("k:" + std::to_string(k), Blob{"v", 0}, SetOptions{}, [](RedisReply&&) {});
    del.push_back("k:" + std::to_string(k));
  }
  del.push_back("k:missing");
  while (redis.in_flight() > 0) redis.Poll(10);
  live::RedisConn ca(a.endpoint(), {}), cb(b.endpoint(), {});
  REQUIRE(ca.EnsureConnected());
  REQUIRE(cb.EnsureConnected());
  int64_t on_a = ca.Command({"DBSIZE"}).integer, on_b = cb.Command({"DBSIZE"}).integer;
  REQUIRE(on_a + on_b == 40);
  REQUIRE(on_a > 0);  // the keys are spread: one DEL on one node could not delete them all
  REQUIRE(on_b > 0);
  RedisReply reply;
  redis.Command(del, [&](RedisReply&& r) { reply = std::move(r); });
  while (redis.in_flight() > 0) redis.Poll(10);
  CHECK(reply.type == RedisReply::Type::kInteger);
  CHECK(reply.integer == 40);  // Redis's own DEL counts, summed over the nodes
  CHECK(ca.Command({"DBSIZE"}).integer == 0);
  CHECK(cb.Command({"DBSIZE"}).integer == 0);
}

TEST_CASE("the issue's reproduction: cachelab run --invalidation tags --key-prefix zz: keeps tag:* keys",
          "[live][prefix]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  live::RedisConn conn(server.endpoint(), {});
  REQUIRE(conn.EnsureConnected());
  for (int t = 0; t < 30; ++t) REQUIRE(conn.Command({"SET", "tag:" + std::to_string(t), "app"}).is_ok());
  auto r = testing::RunCli("run --no-store --backend " + server.url() +
                           " --invalidation tags --tags 30 --key-prefix zz: --requests 2000 --rate 5000 --keys 300 "
                           "--read-fraction 0.5");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(conn.Command({"DBSIZE"}).integer == 30);
  for (int t = 0; t < 30; ++t) CHECK(conn.Command({"GET", "tag:" + std::to_string(t)}).str.data == "app");
}
