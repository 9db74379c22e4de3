// `cachelab record` against a private redis-server: commands sent while it
// runs come out as the CSV trace rows the command's header documents, and
// the lab's replay reads that trace. Expected rows are hand-derived from the
// commands this test sends.
#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

#include "support/redis_server.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using namespace cachelab;

TEST_CASE("record captures GET/SET/DEL traffic through MONITOR into a replayable CSV trace", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  testing::TempDir dir("cachelab-record");
  std::string out = (dir.path / "trace.csv").string();
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::string url = server.url();
    ::execl(CACHELAB_CLI, CACHELAB_CLI, "record", "--backend", url.c_str(), "--duration", "3s", "--out", out.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  live::RedisConn c(server.endpoint(), {});
  REQUIRE(c.EnsureConnected());
  bool monitoring = false;
  for (int i = 0; i < 100 && !monitoring; ++i) {
    monitoring = c.Command({"CLIENT", "LIST"}).str.Materialize().find("cmd=monitor") != std::string::npos;
    if (!monitoring) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (monitoring) {
    c.Command({"SET", "k1", "abc", "EX", "100"});
    c.Command({"GET", "k1"});
    c.Command({"MGET", "k1", "k2"});
    c.Command({"INCR", "n"});          // not a cache operation: counted, not written
    c.Command({"GET", "a,b"});         // a comma would break the csv: skipped
    c.Command({"DEL", "k1"});
    c.Command({"SETEX", "k3", "50", "hello"});
    c.Command({"GET", "with space\n"});
    c.Command({"MSET", "m1", "xy", "m2", "z"});  // each pair a set, the TTL cleared
    c.Command({"MSET", "m1"});                   // refused (arity): not written
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(monitoring);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  std::ifstream f(out);
  REQUIRE(f);
  std::string line, header;
  std::getline(f, header);
  CHECK(header == "time,key,size,op,ttl");
  std::vector<std::string> rows;
  double last = -1;
  while (std::getline(f, line)) {
    auto comma = line.find(',');
    double t = std::stod(line.substr(0, comma));
    CHECK(t >= last);  // time never goes backwards
    last = t;
    rows.push_back(line.substr(comma + 1));
  }
  CHECK(rows == std::vector<std::string>{"k1,3,set,100", "k1,3,get,0", "k1,3,get,0", "k2,1,get,0", "k1,3,delete,0",
                                         "k3,5,set,50", "m1,2,set,0", "m2,1,set,0"});
  // "with space\n" has a newline: skipped like "a,b".
  auto replay = testing::RunCli("replay --trace " + out + " --policy lru --size 10 --no-store --json");
  CHECK(replay.exit_code == 0);
  CHECK(replay.out.find("\"requests\"") != std::string::npos);
}
