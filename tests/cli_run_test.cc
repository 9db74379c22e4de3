// `cachelab run` end to end: the JSON contract, determinism, bad input and
// the all-or-nothing results store.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "results/result_store.h"
#include "tests/support/run_cli.h"

using cachelab::testing::RunCli;
using nlohmann::json;

static std::string TempDb(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() / ("cachelab-cli-" + name + "-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(p);
  return p.string();
}

static json WithoutWallClock(json j) {
  j.erase("wall_seconds");
  j.erase("cpu_seconds");
  j.erase("sim_requests_per_sec");
  return j;
}

TEST_CASE("run --json prints the contract keys") {
  auto r = RunCli("run --no-store --json --requests 20000 --keys 1000");
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  for (const char* k : {"requests", "hits", "misses", "hit_ratio", "db_queries", "evictions", "expirations", "seed",
                        "wall_seconds", "sim_requests_per_sec"})
    CHECK(j.contains(k));
  for (const char* k : {"p50", "p90", "p99", "p999"}) CHECK(j["latency_us"].contains(k));
  CHECK(j["requests"] == 20000);
  CHECK(j["hits"].get<int64_t>() + j["misses"].get<int64_t>() == j["reads"].get<int64_t>());
  CHECK(j["hit_ratio"].get<double>() ==
        Approx(j["hits"].get<double>() / (j["hits"].get<double>() + j["misses"].get<double>())));
}

TEST_CASE("the same parameters and seed give byte-identical JSON; another seed differs") {
  std::string args = "run --no-store --json --requests 30000 --keys 5000 --maxmemory 1MiB --seed 7";
  auto a = RunCli(args), b = RunCli(args), c = RunCli(args + "1");
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  CHECK(WithoutWallClock(json::parse(a.out)).dump() == WithoutWallClock(json::parse(b.out)).dump());
  CHECK(WithoutWallClock(json::parse(a.out)).dump() != WithoutWallClock(json::parse(c.out)).dump());
  CHECK(json::parse(a.out)["evictions"].get<int64_t>() > 0);
}

TEST_CASE("bad values exit non-zero, name the flag, and write nothing") {
  std::string db = TempDb("bad");
  struct Case {
    std::string args, flag;
  };
  for (const Case& c : {Case{"--rate -5", "--rate"}, Case{"--alpha -1", "--alpha"}, Case{"--keys 0", "--keys"},
                        Case{"--ttl 5parsecs", "--ttl"}, Case{"--strategy nope", "--strategy"},
                        Case{"--redis-rtt 'exp(x)'", "--redis-rtt"}, Case{"--read-fraction 1.5", "--read-fraction"},
                        // One hot key by definition: a --keys beside it was silently replaced by 1 (an audit).
                        Case{"--scenario hot-key --keys 100", "--keys"}, Case{"--scenario flash-crowd --keys 5", "--keys"}}) {
    auto r = RunCli("run --db " + db + " " + c.args);
    INFO(c.args << " -> " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(c.flag) != std::string::npos);
  }
  auto unknown = RunCli("run --db " + db + " --no-such-flag 3");
  CHECK(unknown.exit_code != 0);
  CHECK(unknown.err.find("no-such-flag") != std::string::npos);
  // A size copied from a redis.conf (Redis reads "100mb" as 100 x 2^20 bytes):
  // refused with how to write it, since here MB is 10^6.
  auto redis_units = RunCli("run --db " + db + " --maxmemory 100mb");
  CHECK(redis_units.exit_code == 2);
  CHECK(redis_units.err.find("Redis's config reads '100mb' as 100MiB (write that") != std::string::npos);
  // A flag given twice: said in words, with the way to give several values.
  auto twice = RunCli("run --db " + db + " --nodes 3 --churn t=1s:add --churn t=2s:remove:1");
  CHECK(twice.exit_code == 2);
  CHECK(twice.err.find("--churn given 2 times; give it once") != std::string::npos);
  CHECK(twice.err.find("comma-separated list") != std::string::npos);
  // A control byte in a value (here made by printf in the shell) comes back
  // escaped: from the run's own check (strategy), and from the last line of
  // defence in main for messages that quote a value raw (replay's policy name).
  auto control = RunCli("run --db " + db + " --strategy \"$(printf 'cache\\001aside')\"");
  CHECK(control.exit_code == 2);
  CHECK(control.err.find("unknown strategy 'cache\\x01aside'") != std::string::npos);
  CHECK(control.err.find('\x01') == std::string::npos);
  auto policy = RunCli("replay --no-store --trace " + std::string(CACHELAB_TEST_DATA) +
                       "/cloudPhysicsIO.oracleGeneral.bin --policy \"$(printf 'l\\001ru')\"");
  CHECK(policy.exit_code == 2);
  CHECK(policy.err.find("unknown eviction policy 'l\\x01ru'") != std::string::npos);
  CHECK(policy.err.find('\x01') == std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("a run is stored with its config, and comparisons store one run each") {
  std::string db = TempDb("store");
  auto r = RunCli("run --db " + db + " --requests 5000 --keys 100 --seed 3");
  REQUIRE(r.exit_code == 0);
  {
    cachelab::ResultStore store(db, true);
    auto runs = store.ListRuns();
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].seed == 3);
    bool found = false;
    for (auto& [k, v] : runs[0].config) found |= (k == "keys" && v == "100");
    CHECK(found);
    auto report = store.LoadRun(runs[0].id);
    bool has_hit_series = false;
    for (auto& s : report.series) has_hit_series |= s.name == "hit_ratio" && !s.v.empty();
    CHECK(has_hit_series);
  }
  std::filesystem::remove(db);
}

// An audit read `--skip-bad TEXT=true` in `run --help` while the default is
// false (a bare switch means true, and CLI11 showed that value as the default).
// Expectation: the default column of `cachelab params` (the registry).
TEST_CASE("run --help shows each parameter's default as params lists it") {
  auto help = RunCli("run --help");
  auto params = RunCli("params --json");
  REQUIRE(help.exit_code == 0);
  REQUIRE(params.exit_code == 0);
  json defs = json::parse(params.out);
  REQUIRE(defs.is_array());
  size_t checked = 0;
  for (const auto& d : defs) {
    std::string name = d.at("name"), value = d.at("default");
    if (value.empty()) continue;
    size_t at = help.out.find("\n  --" + name + " ");  // the flag's own line, not a mention in a help text
    INFO(name);
    REQUIRE(at != std::string::npos);
    ++at;
    std::string shown = help.out.substr(at, help.out.find('\n', at) - at);
    CHECK(shown.find("=" + value) != std::string::npos);
    if (value == "false") CHECK(shown.find("=true") == std::string::npos);
    ++checked;
  }
  CHECK(checked > 50);
}
