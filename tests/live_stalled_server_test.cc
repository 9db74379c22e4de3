// A live replay or run whose redis-server stalls (SIGSTOP) part-way through,
// as in the audit's repros: the lost operations are counted apart from hits
// and misses and announced on stderr, and the lab's keys are not left behind
// silently: the cleanup waits for the server, and when it cannot, the command
// fails (exit 1) after printing its results, saying how to remove the keys by
// hand. Every expectation is read from the real server (DBSIZE) or by running
// the printed redis-cli line.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "support/redis_server.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using namespace cachelab;

namespace {

// The cachelab command runs on a thread, so the test can stall its server.
class Background {
 public:
  explicit Background(const std::string& args) : thread_([this, args] { result_ = testing::RunCli(args); }) {}
  testing::CliResult Wait() {
    thread_.join();
    return result_;
  }

 private:
  testing::CliResult result_;
  std::thread thread_;
};

int64_t DbSize(const testing::RedisServer& server) {
  live::RedisConn c(server.endpoint(), {});
  return c.EnsureConnected() ? c.Command({"DBSIZE"}).integer : -1;
}

// Polls until the server holds more than `keys` keys: the command is under way.
bool WaitForKeys(const testing::RedisServer& server, int64_t keys) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (DbSize(server) > keys) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

// A trace long enough to outlast the stall: 300,000 requests over 30,000 keys.
std::string WriteTrace(const testing::TempDir& dir) {
  std::string path = dir / "trace.txt";
  std::ofstream out(path);
  for (int64_t i = 0; i < 300000; ++i) out << (i * 7919) % 30000 << "\n";  // int64: i * 7919 passes 2^31
  return path;
}

// The redis-cli line the error names (from "redis-cli" to the end of its line).
std::string HandCommand(const std::string& err) {
  size_t at = err.find("Remove them by hand: ");
  if (at == std::string::npos) return "";
  at += 21;
  return err.substr(at, err.find('\n', at) - at);
}

// Runs cachelab `args` in the background, stops the server (SIGSTOP) once it
// holds more than `keys` keys (the command is under way), runs `stalled`
// (which may resume it), waits for the command, and resumes the server.
testing::CliResult RunStalled(testing::RedisServer& server, const std::string& args, int64_t keys,
                              const std::function<void()>& stalled) {
  Background run(args);
  bool under_way = WaitForKeys(server, keys);
  if (under_way) server.Pause();
  stalled();
  testing::CliResult r = run.Wait();
  server.Resume();
  REQUIRE(under_way);
  return r;
}

void AddForeignKey(const testing::RedisServer& server) {
  live::RedisConn c(server.endpoint(), {});
  REQUIRE(c.EnsureConnected());
  REQUIRE(c.Command({"SET", "someone-else:key", "x"}).is_ok());
}

// The trace replayed at depth 1 on one connection under prefix lab: (beside
// a foreign key), stalled once 2,000 keys are in, as RunStalled.
testing::CliResult StalledReplay(testing::RedisServer& server, const std::string& flags,
                                 const std::function<void()>& stalled) {
  testing::TempDir dir("cachelab-stall");
  AddForeignKey(server);
  return RunStalled(server,
                    "replay --no-store --json --trace " + WriteTrace(dir) + " --backend " + server.url() +
                        " --key-prefix lab: --pipeline-depth 1 --connections 1 --redis-timeout 200" + flags,
                    2000, stalled);
}

}  // namespace

TEST_CASE("a replay whose server stalls: failed GETs are no misses, a warning, and the cleanup waits for it",
          "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  // The replay goes on failing and ends while the server is stopped; it is resumed 2 s later.
  testing::CliResult r = StalledReplay(server, "", [&] {
    std::this_thread::sleep_for(std::chrono::seconds(2));
    server.Resume();
  });
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out).at(0);
  REQUIRE(j["failed_gets"].get<int64_t>() > 0);  // the stall hit the replay
  const int64_t hits = j["hits"], misses = j["misses"], failed = j["failed_gets"];
  CHECK(j["requests"] == 300000);
  CHECK(hits + misses + failed == 300000);
  CHECK(j["miss_ratio"].get<double>() == Approx(static_cast<double>(misses) / (hits + misses)));
  CHECK(r.err.find("warning: replay on 127.0.0.1:" + std::to_string(server.port())) != std::string::npos);
  CHECK(r.err.find("count only the " + std::to_string(300000 - failed) + " GETs answered") != std::string::npos);
  // The cleanup retried until the server answered again: only the foreign key is left.
  CHECK(j["keys_removed"].get<int64_t>() > 0);
  CHECK(DbSize(server) == 1);
}

TEST_CASE("a replay whose server stays stalled past the cleanup wait fails after its results, saying how to clean up",
          "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  testing::CliResult r = StalledReplay(server, " --redis-cleanup-wait 500", [] {});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  auto j = nlohmann::json::parse(r.out).at(0);  // the results are still printed
  CHECK(j["keys_removed"] == -1);
  const std::string target = "-h 127.0.0.1 -p " + std::to_string(server.port());
  CHECK(r.err.find("cachelab: error: the lab's keys under 'lab:' were NOT removed from redis://127.0.0.1:" +
                   std::to_string(server.port())) != std::string::npos);
  const std::string hand = HandCommand(r.err);
  CHECK(hand == "redis-cli " + target + " --scan --pattern 'lab:*' | xargs -r redis-cli " + target + " unlink");
  REQUIRE(DbSize(server) > 2000);  // left behind, as the message says
  REQUIRE(std::system((hand + " >/dev/null").c_str()) == 0);
  CHECK(DbSize(server) == 1);  // the printed line removed exactly the lab's keys
}

TEST_CASE("cachelab run on a server stalled to the end fails after its results, saying how to clean up", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  AddForeignKey(server);
  testing::CliResult r = RunStalled(server,
                                    "run --no-store --json --backend " + server.url() +
                                        " --key-prefix lab: --keys 2000 --requests 40000 --rate 20000 "
                                        "--redis-timeout 200 --redis-cleanup-wait 500",
                                    200, [] {});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"keys_removed\": -1") != std::string::npos);
  CHECK(r.err.find("were NOT removed from redis://127.0.0.1:" + std::to_string(server.port())) != std::string::npos);
  const std::string hand = HandCommand(r.err);
  REQUIRE(!hand.empty());
  REQUIRE(DbSize(server) > 1);
  REQUIRE(std::system((hand + " >/dev/null").c_str()) == 0);
  CHECK(DbSize(server) == 1);
}
