// `cachelab replay --backend redis://...` end to end: JSON with the simulated
// replay's fields, keys outside the prefix untouched and the lab's own keys
// removed, configs that cannot be honoured refused with a clear message.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include "support/redis_server.h"

namespace {

struct Result {
  int code;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result Cli(const std::string& args, const std::string& env = "") {
  const std::string dir = "/tmp/cachelab_live_cli_test." + std::to_string(::getpid());
  std::system(("mkdir -p " + dir).c_str());
  {
    std::ofstream trace(dir + "/trace.txt");
    for (int i = 0; i < 20000; ++i) trace << (i * 7919) % 3000 << "\n";
  }
  const std::string cmd = env + " " + std::string(CACHELAB_CLI) + " replay --no-store --trace " + dir + "/trace.txt " + args +
                          " > " + dir + "/out 2> " + dir + "/err";
  const int status = std::system(cmd.c_str());
  Result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(dir + "/out"), Slurp(dir + "/err")};
  std::system(("rm -rf " + dir).c_str());
  return r;
}

}  // namespace

TEST_CASE("cachelab replay --backend replays on a live server and cleans up after itself", "[live]") {
  cachelab::testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  cachelab::live::RedisConn conn(server.endpoint(), {});
  REQUIRE(conn.EnsureConnected());
  REQUIRE(conn.Command({"SET", "someone-else:key", "x"}).is_ok());

  Result r = Cli("--backend " + server.url() + " --json --pipeline-depth 16");
  INFO(r.err);
  REQUIRE(r.code == 0);
  for (const char* field : {"\"miss_ratio\"", "\"throughput_mreq_s\"", "\"failed_ops\": 0", "\"policy\": \"noeviction\"",
                            "\"requests\": 20000", "\"keys_removed\": 3000"})
    CHECK(r.out.find(field) != std::string::npos);
  CHECK(conn.Command({"DBSIZE"}).integer == 1);  // only the foreign key is left
  CHECK(conn.Command({"GET", "someone-else:key"}).str.data == "x");

  r = Cli("--backend " + server.url() + " --keep-keys --key-prefix lab:");
  CHECK(r.code == 0);
  CHECK(conn.Command({"DBSIZE"}).integer == 3001);
}

TEST_CASE("cachelab replay --backend refuses what it cannot honour", "[live]") {
  cachelab::testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  Result r = Cli("--backend " + server.url() + " --size 1MiB");
  CHECK(r.code == 2);
  CHECK(r.err.find("cannot be honoured") != std::string::npos);
  r = Cli("--backend " + server.url() + " --policy lru");
  CHECK(r.code == 1);
  CHECK(r.err.find("runs maxmemory-policy noeviction") != std::string::npos);
  r = Cli("--backend redis://:secret@127.0.0.1:" + std::to_string(server.port()));
  CHECK(r.code == 2);
  CHECK(r.err.find("CACHELAB_REDIS_PASSWORD") != std::string::npos);
  CHECK(r.err.find("secret@") == std::string::npos);  // the refusal does not echo the password
  CHECK(r.err.find("redis://:***@127.0.0.1") != std::string::npos);
  // The trace's TTLs cannot run on the trace's clock there: refused, as --size is.
  for (const std::string& backend : {server.url(), std::string("sim")}) {
    r = Cli("--backend " + backend + " --use-ttl");
    CHECK(r.code == 2);
    CHECK(r.err.find("--use-ttl cannot be honoured with --backend") != std::string::npos);
  }
  r = Cli("--backend redis://127.0.0.1:" + std::to_string(cachelab::testing::FreeLoopbackPort()));
  CHECK(r.code == 1);
  CHECK(r.err.find("cannot connect") != std::string::npos);
  r = Cli("--backend " + server.url() + " --key-prefix 'a*'");
  CHECK(r.code == 2);
}

TEST_CASE("the password comes from the environment and is never reported", "[live]") {
  cachelab::testing::RedisServer server({"--requirepass", "s3cret-pw"});
  REQUIRE_REDIS_SERVER(server);
  Result r = Cli("--backend " + server.url());
  CHECK(r.code == 1);
  CHECK(r.err.find("NOAUTH") != std::string::npos);
  r = Cli("--backend " + server.url() + " --json", "CACHELAB_REDIS_PASSWORD=s3cret-pw");
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("\"failed_ops\": 0") != std::string::npos);
  CHECK(r.out.find("s3cret") == std::string::npos);
}

// --policy with --backend names the server's maxmemory-policy, as Redis
// spells it or by the lab's alias; the expectation is the server's own
// CONFIG, set at its start.
TEST_CASE("--policy with --backend takes Redis's policy names and the lab's aliases", "[live]") {
  cachelab::testing::RedisServer lru({"--maxmemory-policy", "allkeys-lru"});
  REQUIRE_REDIS_SERVER(lru);
  for (const char* same : {"allkeys-lru", "ALLKEYS-LRU", "redis-lru"}) {
    Result r = Cli("--backend " + lru.url() + " --json --policy " + same);
    INFO(same << ": " << r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("\"policy\": \"redis-lru\"") != std::string::npos);
  }
  for (const char* other : {"allkeys-lfu", "redis-lfu", "volatile-lru", "noeviction"}) {
    Result r = Cli("--backend " + lru.url() + " --policy " + other);
    INFO(other);
    CHECK(r.code == 1);
    CHECK(r.err.find("--policy " + std::string(other) + " cannot be honoured: redis://" +
                     lru.url().substr(8) + " runs maxmemory-policy allkeys-lru") != std::string::npos);
  }
  cachelab::testing::RedisServer ttl({"--maxmemory-policy", "volatile-ttl"});
  REQUIRE_REDIS_SERVER(ttl);
  Result r = Cli("--backend " + ttl.url() + " --json --policy volatile-ttl");
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("\"policy\": \"volatile-ttl\"") != std::string::npos);
  r = Cli("--backend " + ttl.url() + " --policy volatile-lru");
  CHECK(r.code == 1);
  CHECK(r.err.find("runs maxmemory-policy volatile-ttl") != std::string::npos);
  // The sim backend is checked the same way (a usage error: nothing ran yet).
  r = Cli("--backend sim:policy=allkeys-lru --policy allkeys-lru");
  CHECK(r.code == 0);
  r = Cli("--backend sim:policy=allkeys-lru --policy allkeys-lfu");
  CHECK(r.code == 2);
  CHECK(r.err.find("the sim backend runs maxmemory-policy allkeys-lru") != std::string::npos);
}
