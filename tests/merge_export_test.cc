// cachelab merge (no duplicates, idempotent) and cachelab export (csv/json).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "results/result_store.h"
#include "support/csv_line.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using cachelab::testing::RunCli;
using cachelab::testing::SplitCsvLine;
using cachelab::testing::TempDir;
namespace fs = std::filesystem;

TEST_CASE("merge copies each run key once") {
  TempDir dir("merge-test");
  // Two overlapping sweeps: alpha 0.7 is in both.
  std::ofstream(dir / "a.toml") << "requests = 2000\nkeys = 500\nalpha = [0.7, 0.9]\n";
  std::ofstream(dir / "b.toml") << "requests = 2000\nkeys = 500\nalpha = [0.7, 1.1]\n";
  REQUIRE(RunCli("sweep " + (dir / "a.toml") + " --db " + (dir / "a.db")).exit_code == 0);
  REQUIRE(RunCli("sweep " + (dir / "b.toml") + " --db " + (dir / "b.db")).exit_code == 0);
  // A plain `cachelab run` of the same point is the same key, too.
  REQUIRE(RunCli("run --requests 2000 --keys 500 --alpha 1.1 --db " + (dir / "c.db")).exit_code == 0);

  auto m = RunCli("merge " + (dir / "out.db") + " " + (dir / "a.db") + " " + (dir / "b.db") + " " + (dir / "c.db"));
  REQUIRE(m.exit_code == 0);
  CHECK(m.out.find("3 runs copied, 2 duplicates skipped (3 runs in total)") != std::string::npos);
  // Merging again adds nothing.
  auto again = RunCli("merge " + (dir / "out.db") + " " + (dir / "a.db") + " " + (dir / "b.db"));
  CHECK(again.out.find("0 runs copied, 4 duplicates skipped (3 runs in total)") != std::string::npos);

  cachelab::ResultStore out(dir / "out.db", true);
  std::set<std::string> keys, alphas;
  for (const auto& s : out.ListRuns()) {
    keys.insert(s.run_key);
    for (const auto& [k, v] : s.config)
      if (k == "alpha") alphas.insert(v);
  }
  CHECK(keys.size() == 3);
  CHECK(alphas == std::set<std::string>{"0.7", "0.9", "1.1"});
  // The merged run keeps its series.
  CHECK_FALSE(out.LoadRun(out.ListRuns().front().id).series.empty());

  CHECK(RunCli("merge " + (dir / "x.db") + " " + (dir / "missing.db")).exit_code == 2);
}

TEST_CASE("export writes summaries and series as csv and json") {
  TempDir dir("merge-test");
  std::ofstream(dir / "e.toml") << "requests = 3000\nkeys = 500\nalpha = [0.7, 0.9]\n";
  REQUIRE(RunCli("sweep " + (dir / "e.toml") + " --jobs 1 --db " + (dir / "r.db")).exit_code == 0);
  cachelab::ResultStore store(dir / "r.db", true);
  auto runs = store.ListRuns();
  REQUIRE(runs.size() == 2);

  SECTION("wide summary csv: a header and one row per run") {
    auto r = RunCli("export --db " + (dir / "r.db") + " --format csv --wide");
    REQUIRE(r.exit_code == 0);
    std::stringstream ss(r.out);
    std::string header, row1, row2, extra;
    std::getline(ss, header);
    std::getline(ss, row1);
    std::getline(ss, row2);
    CHECK_FALSE(std::getline(ss, extra));
    auto h = SplitCsvLine(header);
    REQUIRE(h.size() >= 8);
    CHECK(std::vector<std::string>(h.begin(), h.begin() + 6) ==
          std::vector<std::string>{"id", "created_at", "kind", "label", "seed", "run_key"});
    auto col = [&](const std::string& name) { return std::find(h.begin(), h.end(), name) - h.begin(); };
    REQUIRE(col("hits") < static_cast<long>(h.size()));
    REQUIRE(col("config.alpha") < static_cast<long>(h.size()));
    auto c1 = SplitCsvLine(row1);
    CHECK(c1[0] == std::to_string(runs[0].id));
    CHECK(c1[5] == runs[0].run_key);
    CHECK(c1.size() == h.size());
    CHECK(c1[col("config.alpha")] == "0.7");
    for (const auto& [k, v] : runs[0].config)  // e.g. distributions: quoted cells
      if (v.find(',') != std::string::npos) CHECK(c1[col("config." + k)] == v);
    cachelab::RunReport first;
    first.fields = runs[0].fields;
    CHECK(std::stod(c1[col("hits")]) == first.GetNumber("hits"));
    CHECK(SplitCsvLine(row2)[col("config.alpha")] == "0.9");
  }
  SECTION("summary json") {
    auto r = RunCli("export --db " + (dir / "r.db") + " --format json");
    REQUIRE(r.exit_code == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j.size() == 2);
    CHECK(j[1]["config"]["alpha"] == "0.9");
    CHECK(j[0]["run_key"] == runs[0].run_key);
    CHECK(j[0]["summary"]["latency_us"]["p99"].is_number());
  }
  SECTION("one run's series as csv, everything as json") {
    cachelab::RunReport run = store.LoadRun(runs[1].id);
    REQUIRE_FALSE(run.series.empty());
    auto csv = RunCli("export --db " + (dir / "r.db") + " --run " + std::to_string(runs[1].id) + " --format csv --wide");
    REQUIRE(csv.exit_code == 0);
    std::stringstream ss(csv.out);
    std::string header;
    std::getline(ss, header);
    auto h = SplitCsvLine(header);
    CHECK(h[0] == "t_s");
    CHECK(h.size() == run.series.size() + 1);
    size_t rows = 0;
    for (std::string line; std::getline(ss, line);) ++rows;
    CHECK(rows == run.series[0].t.size());

    auto js = RunCli("export --db " + (dir / "r.db") + " --run " + std::to_string(runs[1].id) + " --format json");
    auto j = nlohmann::json::parse(js.out);
    CHECK(j["id"] == runs[1].id);
    CHECK(j["series"].size() == run.series.size());
    CHECK(j["config"]["alpha"] == "0.9");
  }
  SECTION("bad input") {
    CHECK(RunCli("export --db " + (dir / "r.db") + " --format xml").exit_code == 2);
    CHECK(RunCli("export --db " + (dir / "r.db") + " --run 999 --format csv").exit_code == 2);
    CHECK(RunCli("export --db " + (dir / "none.db") + " --format csv").exit_code == 2);
  }
}
