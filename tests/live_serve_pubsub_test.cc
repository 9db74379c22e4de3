// Pub/sub through `cachelab serve` against a real redis-server 7.0: the same
// subscribe/publish sequence gives the same confirmations, receiver counts
// and pushed messages (channel subscribers first, then pattern matches).
#include <catch2/catch.hpp>
#include <csignal>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

#include "live/reply_convert.h"
#include "support/redis_server.h"

using namespace cachelab;

namespace {

// The replies of one fixed sequence, as text.
std::vector<std::string> Sequence(const live::RedisEndpoint& ep) {
  live::RedisConn sub(ep, live::ConnOptions{500, 2000, 10, 100, ""}), pub(ep, live::ConnOptions{500, 2000, 10, 100, ""});
  REQUIRE(sub.EnsureConnected());
  REQUIRE(pub.EnsureConnected());
  std::vector<std::string> out;
  out.push_back(sub.Command({"PSUBSCRIBE", "news.*"}).ToString());
  out.push_back(sub.Command({"SUBSCRIBE", "news.a"}).ToString());
  out.push_back(pub.Command({"PUBLISH", "news.a", "hi"}).ToString());
  out.push_back(pub.Command({"PUBLISH", "news.b", "\xff"}).ToString());
  out.push_back(pub.Command({"PUBLISH", "other", "x"}).ToString());
  for (int k = 0; k < 3; ++k) {
    live::RawReply r;
    REQUIRE(sub.TryReadPush(&r, 2000) == live::RedisConn::ReadStatus::kReply);
    out.push_back(live::ConvertReply(r.get()).ToString());
  }
  out.push_back(sub.Command({"PUNSUBSCRIBE", "news.*"}).ToString());
  out.push_back(pub.Command({"PUBLISH", "news.b", "y"}).ToString());
  return out;
}

}  // namespace

TEST_CASE("cachelab serve delivers SUBSCRIBE and PSUBSCRIBE messages as redis-server does", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  int port = testing::FreeLoopbackPort();
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::string p = std::to_string(port);
    ::execl(CACHELAB_CLI, CACHELAB_CLI, "serve", "--port", p.c_str(), "--seconds", "120", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  live::RedisEndpoint sim{"127.0.0.1", port, 0};
  live::RedisConn probe(sim, live::ConnOptions{200, 2000, 10, 100, ""});
  for (int i = 0; i < 100 && !probe.EnsureConnected(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  bool up = probe.connected();
  std::vector<std::string> simulated, real;
  if (up) {
    simulated = Sequence(sim);
    real = Sequence(server.endpoint());
  }
  ::kill(child, SIGTERM);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(up);
  CHECK(simulated == real);
  REQUIRE(real.size() == 10);
  CHECK(real[2] == "(integer) 2");  // news.a: its channel subscriber and the pattern
}
