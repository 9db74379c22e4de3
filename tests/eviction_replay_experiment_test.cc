// `cachelab replay --experiment FILE.toml` (cli/replay_experiment.h): the file
// gives the same results as the same flags, flags win over it, and a bad value
// is refused naming the file and line (exit 2, nothing stored). Expected counts
// are cachelab's own flag runs (whose exactness against cachesim other tests
// hold) and the file's lines as written here.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "results/result_store.h"
#include "support/read_trace.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using cachelab::testing::Data;
using cachelab::testing::RunCli;

namespace {

const cachelab::testing::TempDir& Dir() {
  static const cachelab::testing::TempDir dir("cachelab-replay-experiment");
  return dir;
}

std::string Write(const std::string& name, const std::string& text) {
  const std::string path = Dir() / name;
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("a replay experiment file runs like the same flags; flags win; stored with its path") {
  const std::string file = Write("good.toml",
                                 "[replay]\n"
                                 "trace = \"" + Data("cloudPhysicsIO.oracleGeneral.bin") + "\"\n"
                                 "policy = [\"lru\", \"S3-FIFO\"]\n"
                                 "size = [4897, \"0.1\"]\n"
                                 "ignore-obj-size = true\n"
                                 "policy-params = [\"s3fifo:small-size=0.2,move-to-main-threshold=1\"]\n"
                                 "admission = \"bloom:fp=0\"\n");
  auto viaFile = RunCli("replay --experiment " + file + " --json --no-store");
  REQUIRE(viaFile.exit_code == 0);
  auto viaFlags = RunCli("replay --trace " + Data("cloudPhysicsIO.oracleGeneral.bin") +
                         " --policy lru,S3-FIFO --size 4897,0.1 --ignore-obj-size --policy-params "
                         "s3fifo:small-size=0.2,move-to-main-threshold=1 --admission bloom:fp=0 --json --no-store");
  REQUIRE(viaFlags.exit_code == 0);
  auto a = nlohmann::json::parse(viaFile.out), b = nlohmann::json::parse(viaFlags.out);
  REQUIRE(a.size() == 4);
  REQUIRE(b.size() == 4);
  for (size_t i = 0; i < 4; ++i) {
    CHECK(a[i]["policy"] == b[i]["policy"]);
    CHECK(a[i]["cache_size"] == b[i]["cache_size"]);
    CHECK(a[i]["misses"] == b[i]["misses"]);
    CHECK(a[i]["admission"] == "bloom:fp=0");
  }
  // LRU behind the exact second-hit table at 4,897 objects: cachesim -a bloom-filter
  // (tests/data/libcachesim_admission.tsv).
  CHECK(a[0]["misses"] == 92734);
  // --policy on the command line narrows the file's list (and drops its s3fifo parameters).
  const std::string db = Dir() / "runs.db";
  auto narrowed = RunCli("replay --experiment " + file + " --policy lru --json --db " + db);
  REQUIRE(narrowed.exit_code == 0);
  auto n = nlohmann::json::parse(narrowed.out);
  REQUIRE(n.size() == 2);
  CHECK(n[0]["misses"] == 92734);
  cachelab::ResultStore store(db, true);
  auto runs = store.ListRuns();
  REQUIRE(runs.size() == 2);
  CHECK(store.LoadRun(runs[0].id).ConfigValue("experiment") == file);
}

TEST_CASE("a bad value in a replay experiment file names the file and line; nothing runs") {
  const std::string trace = "trace = \"" + Data("cloudPhysicsIO.oracleGeneral.bin") + "\"\n";
  const std::string db = Dir() / "bad.db";
  struct Bad {
    std::string text, where;
  };
  const std::vector<Bad> cases = {
      {"[replay]\n" + trace + "policy = \"s3fifo\"\nsize = 0.1\npolicy-params = [\n  \"s3fifo:small-size=0.2\",\n"
       "  \"s3fifo:move-to-main-threshold=0\",\n]\n",
       ":7: key 'policy-params': s3fifo parameter move-to-main-threshold must be a whole number in [1, 255], got 0"},
      {"[replay]\n" + trace + "policy = \"lru\"\nsize = \"12XB\"\n", ":4: key 'size': bad unit in cache size '12XB'"},
      {"[replay]\n" + trace + "policy = [\"lru\", \"nosuch\"]\nsize = 0.1\n",
       ":3: key 'policy': unknown eviction policy 'nosuch'"},
      {"[replay]\n" + trace + "policy = \"lru\"\nsize = 0.1\nadmission = \"prob:p=2\"\n",
       ":5: key 'admission': prob admission p must be in"},
      {"[replay]\n" + trace + "polcy = \"lru\"\n", ":3: key 'polcy': unknown"},
      {"[replay]\n" + trace + "policy = \"lru\"\nsize = 0.1\npolicy-params = \"twoq:ain-size-ratio=0.3\"\n",
       ":5: key 'policy-params': 'twoq:ain-size-ratio=0.3': twoq is not among the policies"},
      {"[replay]\n" + trace + "policy = \"lru\"\nsize = 0.1\nuse-ttl = \"yes\"\n", ":5: key 'use-ttl': expected true or false"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const std::string file = Write("bad" + std::to_string(i) + ".toml", cases[i].text);
    auto r = RunCli("replay --experiment " + file + " --db " + db);
    INFO(cases[i].text << "\n-> " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(file + cases[i].where) != std::string::npos);
  }
  CHECK_FALSE(std::ifstream(db).good());  // refused before the store was opened
  // The shipped example loads and runs.
  auto ex = RunCli("replay --experiment " + Data("../../experiments/replay-admission.toml") +
                   " --trace " + Data("cloudPhysicsIO.oracleGeneral.bin") + " --json --no-store");
  CHECK(ex.exit_code == 0);
}
