// Memory accounting: the simulated Redis's used_memory model against a real
// server's INFO memory used_memory, on the same key sets (the growth from an
// empty server). Prints the table documented in docs/simulated-redis.md.
#include <catch2/catch.hpp>
#include <cstdio>

#include "live/server_info.h"
#include "sim/redis_store.h"
#include "support/redis_server.h"

using namespace cachelab;

namespace {

struct KeySet {
  const char* name;
  int keys;
  size_t value_size;  // 0: integer values
  bool ttl;
  int set_members;    // > 0: a set of this many members per key instead of a string
  int64_t int_scale = 0;  // > 0: the set's members are the integers m * int_scale (an intset in Redis)
};

// Writes the key set to both, pipelined; returns (real delta, sim delta).
std::pair<int64_t, int64_t> Fill(live::RedisConn& conn, const KeySet& ks) {
  RedisStore store{RedisConfig{}};
  int64_t before = live::InfoNumber(conn, "memory", "used_memory");
  uint64_t sim_before = store.used_memory();
  for (int i = 0; i < ks.keys; ++i) {
    std::vector<std::string> argv;
    std::string key = "cachelab:mem:" + std::string(ks.name) + ":" + std::to_string(i);
    if (ks.set_members > 0) {
      argv = {"SADD", key};
      for (int m = 0; m < ks.set_members; ++m)
        argv.push_back(ks.int_scale ? std::to_string(m * ks.int_scale) : "member:" + std::to_string(m));
    } else {
      std::string value = ks.value_size ? "v" + std::to_string(i) : std::to_string(i * 7);
      if (value.size() < ks.value_size) value.append(ks.value_size - value.size(), '.');
      argv = {"SET", key, value};
      if (ks.ttl) argv.insert(argv.end(), {"EX", "3600"});
    }
    store.Dispatch(argv);
    REQUIRE(conn.Append(std::vector<std::string_view>(argv.begin(), argv.end())));
    if (i % 256 == 255 || i == ks.keys - 1) {
      REQUIRE(conn.Flush());
      live::RawReply r;
      while (conn.in_flight() > 0) REQUIRE(conn.Read(&r) == live::RedisConn::ReadStatus::kReply);
    }
  }
  int64_t after = live::InfoNumber(conn, "memory", "used_memory");
  return {after - before, static_cast<int64_t>(store.used_memory() - sim_before)};
}

}  // namespace

TEST_CASE("the simulated used_memory tracks INFO memory used_memory", "[live]") {
  const KeySet sets[] = {
      {"int", 100000, 0, false, 0},         {"str16", 100000, 16, false, 0},   {"str44", 100000, 44, false, 0},
      {"str45", 100000, 45, false, 0},      {"str100", 100000, 100, false, 0}, {"str100ttl", 100000, 100, true, 0},
      {"str1k", 50000, 1000, false, 0},     {"str4k", 20000, 4096, false, 0},  {"str16k", 5000, 16384, false, 0},
      {"set8", 20000, 0, false, 8},
      // Integer sets: 2-, 4- and 8-byte intsets, and one past 512 members (a hash table).
      {"iset4", 20000, 0, false, 4, 1},     {"iset200", 3000, 0, false, 200, 1},
      {"iset50w4", 4000, 0, false, 50, 100000}, {"iset50w8", 4000, 0, false, 50, 10000000000},
      {"iset600", 200, 0, false, 600, 1},
  };
  std::printf("  %-10s %8s %12s %12s %8s\n", "key set", "keys", "real bytes", "sim bytes", "sim/real");
  for (const KeySet& ks : sets) {
    testing::RedisServer server;  // a fresh server each time: no allocator history
    REQUIRE_REDIS_SERVER(server);
    live::RedisConn conn(server.endpoint(), {});
    REQUIRE(conn.EnsureConnected());
    auto [real, sim] = Fill(conn, ks);
    double ratio = static_cast<double>(sim) / static_cast<double>(real);
    std::printf("  %-10s %8d %12lld %12lld %8.3f\n", ks.name, ks.keys, static_cast<long long>(real),
                static_cast<long long>(sim), ratio);
    CHECK(ratio > 0.9);
    CHECK(ratio < 1.1);
  }
}
