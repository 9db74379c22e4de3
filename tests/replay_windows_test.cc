// `cachelab replay --warmup` and `--window`: hand-replayed LRU traces (every
// hit and miss worked out on paper in the comments), and the windows of
// cloudPhysicsIO summing to libCacheSim's known total.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "results/result_store.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using namespace cachelab;
using cachelab::testing::RunCli;
using cachelab::testing::TempDir;

namespace {

// LRU, 2 objects, on ids 1 2 1 3 1 2 3 3:
//   1 M [1]; 2 M [2 1]; 1 H [1 2]; 3 M [3 1] (2 out); 1 H [1 3];
//   2 M [2 1] (3 out); 3 M [3 2] (1 out); 3 H.   -> M M H M H M M H
// With times 0 0 1 2 5 5 6 9 (s) in the csv version.
const char* kIds = "1\n2\n1\n3\n1\n2\n3\n3\n";
const char* kTimed = "time,id\n0,1\n0,2\n1,1\n2,3\n5,1\n5,2\n6,3\n9,3\n";

nlohmann::json Replay(const std::string& trace, const std::string& flags) {
  auto r = RunCli("replay --trace " + trace + " --policy lru --size 2 --ignore-obj-size --no-store --json " + flags);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out)[0];
}

std::vector<std::pair<int, int>> Windows(const nlohmann::json& j) {  // (misses, requests)
  std::vector<std::pair<int, int>> out;
  for (const auto& w : j["windows"]) {
    int n = w["requests"].get<int>();
    out.push_back({static_cast<int>(std::lround(w["miss_ratio"].get<double>() * n)), n});
  }
  return out;
}

}  // namespace

TEST_CASE("replay --warmup N and N%: warm-up requests fill the cache and count nowhere") {
  TempDir dir("replay-warmup");
  std::string t = dir / "ids.txt";
  std::ofstream(t) << kIds;
  auto j = Replay(t, "");
  CHECK(j["misses"] == 5);
  j = Replay(t, "--warmup 3");  // measured: M H M M H
  CHECK(j["requests"] == 5);
  CHECK(j["misses"] == 3);
  CHECK(j["warmup_requests"] == 3);
  j = Replay(t, "--warmup 25%");  // floor(8 x 0.25) = 2; measured: H M H M M H
  CHECK(j["requests"] == 6);
  CHECK(j["misses"] == 3);
  j = Replay(t, "--warmup 100");  // longer than the trace: nothing measured
  CHECK(j["requests"] == 0);
  CHECK(j["misses"] == 0);
}

TEST_CASE("replay --window N: windows of requests start where measurement starts") {
  TempDir dir("replay-window-n");
  std::string t = dir / "ids.txt";
  std::ofstream(t) << kIds;
  auto j = Replay(t, "--window 2 --warmup 3");  // [3,5) M H, [5,7) M M, [7,8) H
  CHECK(Windows(j) == std::vector<std::pair<int, int>>{{1, 2}, {2, 2}, {0, 1}});
  CHECK(j["windows"][2]["t"] == 8);  // no times in a txt trace: t counts requests
  j = Replay(t, "--report-interval 3");  // the alias; M M H, M H M, M H
  CHECK(Windows(j) == std::vector<std::pair<int, int>>{{2, 3}, {2, 3}, {1, 2}});
}

TEST_CASE("replay --window T and --warmup T on trace time") {
  TempDir dir("replay-window-t");
  std::string t = dir / "timed.csv";
  std::ofstream(t) << kTimed;
  // 3 s windows from t=0: [0,3) M M H M, [3,6) H M, [6,9) M, [9,12) H.
  auto j = Replay(t, "--window 3s");
  CHECK(Windows(j) == std::vector<std::pair<int, int>>{{3, 4}, {1, 2}, {1, 1}, {0, 1}});
  CHECK(j["windows"][0]["t"] == 3000000000LL);
  CHECK(j["windows"][3]["t"] == 12000000000LL);
  // Warm-up 2 s: requests before t=2 (the first three). Windows from t=2:
  // [2,5) M, [5,8) H M M, [8,11) H.
  j = Replay(t, "--window 3s --warmup 2s");
  CHECK(j["warmup_requests"] == 3);
  CHECK(j["misses"] == 3);
  CHECK(Windows(j) == std::vector<std::pair<int, int>>{{1, 1}, {2, 3}, {0, 1}});
  CHECK(j["windows"][0]["t"] == 5000000000LL);
}

TEST_CASE("replay --window on cloudPhysicsIO: the windows add up to libCacheSim's total; series are stored") {
  TempDir dir("replay-window-cp");
  std::string db = dir / "r.db";
  auto r = RunCli("replay --trace " + std::string(CACHELAB_TEST_DATA) +
                  "/cloudPhysicsIO.oracleGeneral.bin --policy lru --size 1GiB --window 600s --json --db " + db);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out)[0];
  CHECK(j["misses"] == 71704);  // libCacheSim, LRU, 1 GiB, byte mode
  double misses = 0, requests = 0, miss_bytes = 0;
  for (const auto& w : j["windows"]) {
    requests += w["requests"].get<double>();
    misses += w["requests"].get<double>() * w["miss_ratio"].get<double>();
  }
  CHECK(requests == 113872);
  CHECK(misses == Approx(71704).margin(1e-6));
  CHECK(j["windows"].size() == 13);  // 7,200 s: 12 whole windows and the last second
  (void)miss_bytes;
  ResultStore store(db);
  RunReport stored = store.LoadRun(store.ListRuns().at(0).id);
  std::vector<std::string> names;
  for (const auto& s : stored.series) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"miss_ratio", "byte_miss_ratio", "window_requests"});
}

TEST_CASE("replay --window/--warmup: bad values exit 2 naming the flag") {
  TempDir dir("replay-window-bad");
  std::string t = dir / "ids.txt";
  std::ofstream(t) << kIds;
  auto r = RunCli("replay --trace " + t + " --policy lru --size 2 --ignore-obj-size --no-store --window 10s");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no times") != std::string::npos);
  r = RunCli("replay --trace " + t + " --policy lru --size 2 --ignore-obj-size --no-store --warmup 20x");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--warmup") != std::string::npos);
  r = RunCli("replay --trace " + t + " --policy lru --size 2 --ignore-obj-size --no-store --window 0");
  CHECK(r.exit_code == 2);
  r = RunCli("replay --trace " + t + " --policy lru --mrc --no-store --window 2");
  CHECK(r.exit_code == 2);
}

// --max-requests and --duration cut the trace as if the file ended there: the
// expectation is the replay of a file cut by hand (head -c for the 24-byte
// oracleGeneral records; the csv's first lines whose time is under the limit).
TEST_CASE("replay --max-requests / --duration equal replaying the trace cut by hand") {
  TempDir dir("replay-limits");
  const std::string og = std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin";
  std::string cut = dir / "first.oracleGeneral.bin";
  REQUIRE(std::system(("head -c " + std::to_string(30000 * 24) + " " + og + " > " + cut).c_str()) == 0);
  for (const char* policy : {"lru", "s3fifo"}) {
    INFO(policy);
    auto replay = [&](const std::string& trace, const std::string& flags) {
      auto r = RunCli("replay --trace " + trace + " --policy " + policy + " --size 64MiB --no-store --json " + flags);
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      return nlohmann::json::parse(r.out)[0];
    };
    auto limited = replay(og, "--max-requests 30000");
    auto whole = replay(cut, "");
    CHECK(limited["requests"] == 30000);
    CHECK(limited["misses"] == whole["misses"]);
    CHECK(limited["miss_bytes"] == whole["miss_bytes"]);
  }
  // Timed csv (kTimed: 0 0 1 2 5 5 6 9 s): --duration 5s keeps the requests before 5 s: 1 2 1 3,
  // that is M M H M; with a warm-up of 1 request, 3 measured, 2 misses.
  std::string timed = dir / "timed.csv";
  std::ofstream(timed) << kTimed;
  auto j = Replay(timed, "--duration 5s --warmup 1");
  CHECK(j["requests"] == 3);
  CHECK(j["misses"] == 2);
  j = Replay(timed, "--max-requests 3 --warmup 1");
  CHECK(j["requests"] == 2);
  CHECK(j["misses"] == 1);
  auto r = RunCli("replay --trace " + timed + " --policy lru --size 2 --ignore-obj-size --no-store --duration 0s");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--duration") != std::string::npos);
}
