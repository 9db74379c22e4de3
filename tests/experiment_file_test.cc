// Experiment files: product size and order, replication seeds, the reference
// file against the registry, and rejected files (file, line and key named).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lab/experiment_file.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/strategy.h"
#include "support/run_cli.h"

using namespace cachelab;

namespace {

std::string ErrorOf(const std::string& text) {
  try {
    ParseExperimentText(text, "exp.toml");
  } catch (const ExperimentFileError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("lists span a Cartesian product in registry order, replications innermost") {
  ExperimentFile f = ParseExperimentText(
      "requests = 1000\n"
      "strategy = [\"cache-aside\", \"write-through\"]\n"  // file order differs from registry order
      "alpha = [0.6, 0.9, 1.2]\n"
      "[sweep]\nreplications = 2\n",
      "exp.toml");
  REQUIRE(f.PointCount() == 6);
  std::vector<SweepRun> runs = f.Expand();
  REQUIRE(runs.size() == 12);
  // alpha is registered before strategy, so it varies slowest.
  const char* alphas[] = {"0.6", "0.6", "0.9", "0.9", "1.2", "1.2"};
  const char* strategies[] = {"cache-aside", "write-through"};
  for (size_t i = 0; i < runs.size(); ++i) {
    size_t point = i / 2;
    CHECK(runs[i].point == point);
    CHECK(runs[i].replication == i % 2);
    CHECK(runs[i].params.Raw("alpha") == alphas[point]);
    CHECK(runs[i].params.Raw("strategy") == strategies[point % 2]);
    CHECK(runs[i].params.Raw("requests") == "1000");
  }
  // Replication 0 keeps the seed; replication 1 shares one derived seed across points.
  CHECK(runs[0].params.Raw("seed") == "1");
  CHECK(runs[1].params.Raw("seed") == std::to_string(ReplicationSeed(1, 1)));
  CHECK(runs[3].params.Raw("seed") == runs[1].params.Raw("seed"));
  CHECK(ReplicationSeed(1, 1) != ReplicationSeed(1, 2));
}

TEST_CASE("\"all\" and comma lists of comparison parameters expand") {
  ExperimentFile f = ParseExperimentText("strategy = \"all\"\ninvalidation = \"ttl,jitter\"\n", "exp.toml");
  REQUIRE(f.axes.size() == 2);
  CHECK(f.axes[0].param == "strategy");
  CHECK(f.axes[0].values.size() >= 2);
  CHECK(f.axes[1].values == std::vector<std::string>{"ttl", "jitter"});
  CHECK(f.PointCount() == f.axes[0].values.size() * 2);
}

TEST_CASE("values of every TOML type become parameter text") {
  ExperimentFile f = ParseExperimentText("requests = 1_000\nalpha = 0.5\nttl = \"250ms\"\n", "exp.toml");
  CHECK(f.base.Raw("requests") == "1000");
  CHECK(f.base.Raw("alpha") == "0.5");
  CHECK(f.base.Raw("ttl") == "250ms");
  CHECK(f.axes.empty());
}

TEST_CASE("bad files name file, line and key") {
  SECTION("unknown key, with a suggestion") {
    std::string e = ErrorOf("requests = 10\n\nalphaa = 0.5\n");
    CHECK(e.find("exp.toml:3: key 'alphaa': unknown parameter") == 0);
    CHECK(e.find("did you mean 'alpha'") != std::string::npos);
  }
  SECTION("wrong type") {
    CHECK(ErrorOf("alpha = true\n").find("exp.toml:1: key 'alpha': expected a number or a string, got a boolean") == 0);
    CHECK(ErrorOf("keys = 10\nttl = { a = 1 }\n").find("exp.toml:2: key 'ttl': expected a value, got a table") == 0);
  }
  SECTION("impossible value, also inside a list") {
    CHECK(ErrorOf("keys = 0\n").find("exp.toml:1: key 'keys': invalid value '0'") == 0);
    std::string e = ErrorOf("alpha = [\n  0.5,\n  -1,\n]\n");
    CHECK(e.find("exp.toml:3: key 'alpha': invalid value '-1'") == 0);
    CHECK(ErrorOf("strategy = [\"cache-aside\", \"nope\"]\n").find("exp.toml:1: key 'strategy':") == 0);
  }
  SECTION("sweep settings and syntax") {
    CHECK(ErrorOf("[sweep]\nreplications = 0\n").find("exp.toml:2: key 'sweep.replications'") == 0);
    CHECK(ErrorOf("[sweep]\nrepetitions = 3\n").find("exp.toml:2: key 'sweep.repetitions': unknown setting") == 0);
    CHECK(ErrorOf("alpha = = 1\n").find("exp.toml:1: ") == 0);
    CHECK(ErrorOf("alpha = []\n").find("exp.toml:1: key 'alpha': empty list") == 0);
  }
  SECTION("control bytes inside a value are escaped, also in the parser's own detail") {
    // Found by fuzz_experiment_file (CI, 2026-11-27): a tab inside uniform(...)
    // came back raw in "cannot parse '...'".
    std::string e = ErrorOf("value-size = \"uniform(10\t2KiB)\"\n");
    CHECK(e.find("exp.toml:1: key 'value-size': invalid value 'uniform(10\\x092KiB)': cannot parse '10\\x092KiB'") == 0);
    for (unsigned char c : e) CHECK((c >= 0x20 && c < 0x7f));
  }
}

TEST_CASE("a bad file is rejected by the CLI before anything runs") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("exp-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "bad.toml") << "requests = 1000\nalpha = [0.5, 0.9]\nread-fraction = 1.5\n";
  auto r = cachelab::testing::RunCli("sweep " + (dir / "bad.toml").string() + " --db " + (dir / "r.db").string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("bad.toml:3: key 'read-fraction': invalid value '1.5'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "r.db"));
  fs::remove_all(dir);
}

TEST_CASE("experiments/reference.toml lists every parameter at its default") {
  std::ifstream in(std::string(CACHELAB_TEST_DATA) + "/../../experiments/reference.toml");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  INFO("regenerate it with: cachelab params --toml > experiments/reference.toml");
  CHECK(ss.str() == ReferenceToml());
  ExperimentFile f = ParseExperimentText(ss.str(), "reference.toml");
  std::vector<std::string> keys;
  for (const auto& [k, line] : f.key_lines) keys.push_back(k);
  for (const auto& d : ParamDefs()) {
    INFO(d.name);
    CHECK(std::find(keys.begin(), keys.end(), d.name) != keys.end());
    CHECK(f.base.Raw(d.name) == d.default_value);
  }
  CHECK(keys.size() == ParamDefs().size());
}

TEST_CASE("experiments/default.toml covers every strategy and every invalidation scheme") {
  ExperimentFile f = LoadExperimentFile(std::string(CACHELAB_TEST_DATA) + "/../../experiments/default.toml");
  auto values_of = [&](const std::string& param) {
    for (const auto& a : f.axes)
      if (a.param == param) return a.values;
    return std::vector<std::string>{};
  };
  CHECK(values_of("strategy") == StrategyNames());
  CHECK(values_of("invalidation") == InvalidationNames());
}
