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
  // Names as cachesim aa0fc409 prints them (`cachesim ... oracleGeneral lecar 0.01`
  // and likewise; the counts of these randomized policies differ by seed).
  auto named = RunCli("replay --trace " + Og() +
                      " --policy lecar,hyperbolic,lhd,cacheus,wtinylfu --size 0.01 --output libcachesim --no-store");
  REQUIRE(named.exit_code == 0);
  for (const char* name : {" LeCaR cache size", " Hyperbolic cache size", " LHD cache size", " Cacheus cache size",
                           " WTinyLFU-w0.01-SLRU cache size"})
    CHECK(named.out.find(name) != std::string::npos);
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

TEST_CASE("--policy-params as cachesim's -e: exact counts with non-default parameters") {
  // cachesim (aa0fc409), counts as printed by scripts/refresh_libcachesim_expectations.sh's build:
  //   cachesim cloudPhysicsIO.oracleGeneral.bin oracleGeneral s3fifo 0.01,0.1 -e "fifo-size-ratio=0.2,move-to-main-threshold=1"
  //     -> 93,566 and 83,961 misses (S3FIFO-0.2000-1)
  //   ... s3fifo 0.01,0.1 -e "fifo-size-ratio=0.05,ghost-size-ratio=0.5,move-to-main-threshold=3" --ignore-obj-size 1
  //     -> 94,578 and 88,118
  //   ... twoq 0.01,0.1 -e "Ain-size-ratio=0.3,Aout-size-ratio=0.2" -> 94,367 and 90,354
  auto misses = [](const std::string& args) {
    auto r = RunCli("replay --trace " + Og() + " --size 0.01,0.1 --json --no-store " + args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto j = nlohmann::json::parse(r.out);
    return std::pair<int64_t, int64_t>{j[0]["misses"], j[1]["misses"]};
  };
  CHECK(misses("--policy s3fifo --policy-params s3fifo:small-size=0.2,move-to-main-threshold=1") ==
        std::pair<int64_t, int64_t>{93566, 83961});
  CHECK(misses("--policy S3-FIFO --policy-params S3FIFO:fifo-size-ratio=0.05,ghost-size-ratio=0.5,move-to-main-threshold=3 "
               "--ignore-obj-size") == std::pair<int64_t, int64_t>{94578, 88118});
  CHECK(misses("--policy 2q --policy-params twoq:Ain-size-ratio=0.3,Aout-size-ratio=0.2") ==
        std::pair<int64_t, int64_t>{94367, 90354});
  auto named = RunCli("replay --trace " + Og() + " --size 0.01 --no-store --output libcachesim --policy s3fifo "
                      "--policy-params s3fifo:small-size=0.2,move-to-main-threshold=1");
  CHECK(named.out.find("S3FIFO-0.2000-1 cache size") != std::string::npos);
  for (const char* bad : {"s3fifo:small-size=2", "s3fifo:colour=blue", "s3fifo:small-size", "lru:x=1", "s3fifo",
                          "s3fifo:move-to-main-threshold=0.5"}) {
    INFO(bad);
    auto r = RunCli("replay --trace " + Og() + " --policy s3fifo --size 0.1 --no-store --policy-params " + bad);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--policy-params") != std::string::npos);
  }
}

// Found by the independent audit: "--size 1025TiB" said "at most 1PiB", but 1PiB
// itself was a bad unit. Hand-computed: 2^50 and 10^15 bytes; above 2^50 refused.
TEST_CASE("size units up to the limit: 1PiB = 2^50 and 1PB = 10^15; more is too large") {
  auto r = RunCli("replay --trace " + Og() + " --policy lru --size 1PiB,1pb --json --no-store");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j[0]["cache_size"].get<uint64_t>() == 1125899906842624ULL);
  CHECK(j[1]["cache_size"].get<uint64_t>() == 1000000000000000ULL);
  auto over = RunCli("replay --trace " + Og() + " --policy lru --size 1.5PiB --no-store");
  CHECK(over.exit_code == 2);
  CHECK(over.err.find("cache size '1.5PiB' is too large (at most 1PiB") != std::string::npos);
}
