// LiveRedis, the CacheBackend strategies use against a real server: replies
// in order with the lab's Blob values (VersionOf works), keys under the
// prefix, TTLs as PX, and a killed server completing calls with errors.
#include <catch2/catch.hpp>

#include "live/live_redis.h"
#include "strategies/harness.h"
#include "support/redis_server.h"

using namespace cachelab;

TEST_CASE("LiveRedis completes pipelined calls in order and fails cleanly when the server dies", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  live::ClusterOptions opt;
  opt.conn.command_timeout_ms = 300;
  live::RedisCluster cluster({server.endpoint()}, opt);
  live::LiveRedis redis(cluster, "cachelab:");
  std::vector<std::string> log;
  SetOptions ttl;
  ttl.expire_ms = 5000;
  redis.Set("k:1", VersionedValue(42, 1000), ttl, [&](RedisReply&& r) { log.push_back(r.ToString()); });
  redis.Get("k:1", [&](RedisReply&& r) {
    log.push_back("v" + std::to_string(VersionOf(r.str)) + "/" + std::to_string(r.str.size()));
  });
  redis.Get("k:2", [&](RedisReply&& r) { log.push_back(r.ToString()); });
  redis.Command({"PTTL", "k:1"}, [&](RedisReply&& r) { log.push_back(r.integer > 4000 ? "ttl ok" : r.ToString()); });
  while (redis.in_flight() > 0) redis.Poll(100);
  CHECK(log == std::vector<std::string>{"OK", "v42/1000", "(nil)", "ttl ok"});
  live::RedisConn direct(server.endpoint(), {});
  REQUIRE(direct.EnsureConnected());
  CHECK(direct.Command({"EXISTS", "cachelab:k:1"}).integer == 1);
  CHECK(redis.failed() == 0);
  // A command the prefix table does not know is refused, never sent: FLUSHALL
  // would empty the whole server, not just the lab's keys.
  std::string refused;
  redis.Command({"FLUSHALL"}, [&](RedisReply&& r) { refused = r.ToString(); });
  while (redis.in_flight() > 0) redis.Poll(100);
  CHECK(refused.find("not on the live command list") != std::string::npos);
  CHECK(redis.unsendable() == 1);
  CHECK(redis.failed() == 1);
  CHECK(direct.Command({"EXISTS", "cachelab:k:1"}).integer == 1);

  server.Kill();
  int errors = 0;
  for (int i = 0; i < 10; ++i) redis.Get("k:1", [&](RedisReply&& r) { errors += r.is_error(); });
  for (int i = 0; i < 50 && redis.in_flight() > 0; ++i) redis.Poll(100);
  CHECK(errors == 10);
  CHECK(redis.failed() == 11);
  CHECK(redis.unsendable() == 1);  // a dead server is a failure, not a refusal
  server.Start();
  REQUIRE(server.available());
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // past the backoff
  bool answered = false;
  redis.Get("k:1", [&](RedisReply&& r) { answered = !r.is_error(); });
  while (redis.in_flight() > 0) redis.Poll(100);
  CHECK(answered);  // reconnected
}
