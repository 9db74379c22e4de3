// libCacheSim's conventions on `cachelab replay`: its result line format
// (--output libcachesim), its policy names in any case, and size units.
// The expected lines were printed by libCacheSim's cachesim at commit
// aa0fc40914b2b786f4b9f4dafb099f8f332b216a (unmodified build):
//   cachesim cloudPhysicsIO.oracleGeneral.bin oracleGeneral lru,s3fifo 0.01,0.1
//   cachesim cloudPhysicsIO.oracleGeneral.bin oracleGeneral lru 0.01,0.1 --ignore-obj-size 1
// (cachesim prints all sizes of one policy, then the next; so does cachelab.)
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_cli.h"

using cachelab::testing::RunCli;

namespace {

std::string Og() { return std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin"; }

}  // namespace

TEST_CASE("--output libcachesim prints cachesim's result lines byte for byte") {
  auto r = RunCli("replay --trace " + Og() + " --policy lru,s3fifo --size 0.01,0.1 --output libcachesim --no-store");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "\n"
        "result/cloudPhysicsIO.oracleGeneral.bin                              LRU cache size       19MiB, 113872 req, "
        "miss ratio 0.8339, byte miss ratio 0.9800\n"
        "result/cloudPhysicsIO.oracleGeneral.bin                              LRU cache size      193MiB, 113872 req, "
        "miss ratio 0.8097, byte miss ratio 0.9518\n"
        "result/cloudPhysicsIO.oracleGeneral.bin                  S3FIFO-0.1000-2 cache size       19MiB, 113872 req, "
        "miss ratio 0.8229, byte miss ratio 0.9766\n"
        "result/cloudPhysicsIO.oracleGeneral.bin                  S3FIFO-0.1000-2 cache size      193MiB, 113872 req, "
        "miss ratio 0.7356, byte miss ratio 0.8619\n");
  auto o = RunCli("replay --trace " + Og() +
                  " --policy lru --size 0.01,0.1 --ignore-obj-size --output libcachesim --no-store");
  REQUIRE(o.exit_code == 0);
  CHECK(o.out ==
        "\n"
        "result/cloudPhysicsIO.oracleGeneral.bin                              LRU cache size      489, 113872 req, "
        "miss ratio 0.8380, byte miss ratio 0.8380\n"
        "result/cloudPhysicsIO.oracleGeneral.bin                              LRU cache size     4897, 113872 req, "
        "miss ratio 0.8049, byte miss ratio 0.8049\n");
  auto bad = RunCli("replay --trace " + Og() + " --policy lru --size 0.1 --output csvx --no-store");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--output") != std::string::npos);
}

TEST_CASE("policy names in any case and libCacheSim's aliases; reported canonically") {
  auto r = RunCli("replay --trace " + Og() + " --policy LRU,2Q,S3-FIFO,Second-Chance,SIEVE --size 4897 "
                  "--ignore-obj-size --json --no-store");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 5);
  // Policies and counts from cachesim (the expectation table's 4,897-object rows).
  CHECK(j[0]["policy"] == "lru");
  CHECK(j[0]["misses"] == 91657);
  CHECK(j[1]["policy"] == "twoq");
  CHECK(j[2]["policy"] == "s3fifo");
  CHECK(j[2]["misses"] == 85691);
  CHECK(j[3]["policy"] == "clock");  // cachesim maps second-chance to its Clock
  CHECK(j[3]["misses"] == 91599);
  CHECK(j[4]["misses"] == 90040);
  auto bad = RunCli("replay --trace " + Og() + " --policy LRUX --size 10 --ignore-obj-size --no-store");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("LRUX") != std::string::npos);
}

TEST_CASE("size units in any case: KB = 10^3 and KiB = 2^10, or cachesim's binary reading") {
  auto size_of = [](const std::string& args) {
    auto r = RunCli("replay --trace " + Og() + " --policy lru " + args + " --json --no-store");
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out)[0]["cache_size"].get<uint64_t>();
  };
  CHECK(size_of("--size 128mb") == 128000000);
  CHECK(size_of("--size 128MB") == 128000000);
  CHECK(size_of("--size 128mib") == 134217728);
  CHECK(size_of("--size 1gIb") == 1073741824);
  // cachesim multiplies by MiB for "mb", "MB" and a trailing m/M (cli_parser.c conv_size_str_to_byte_ul).
  CHECK(size_of("--size 128mb --libcachesim-units") == 134217728);
  CHECK(size_of("--size 128M --libcachesim-units") == 134217728);
  CHECK(size_of("--size 2g --libcachesim-units") == 2147483648);
  auto bad = RunCli("replay --trace " + Og() + " --policy lru --size 128M --no-store");
  CHECK(bad.exit_code == 2);  // a bare M is libCacheSim's reading only
}
