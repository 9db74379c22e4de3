#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>

#include "results/result_store.h"

using namespace cachelab;

static std::string TempDb(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() / ("cachelab-test-" + name + "-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(p);
  return p.string();
}

static RunReport Sample() {
  RunReport r;
  r.kind = "run";
  r.label = "cache-aside/ttl";
  r.seed = 42;
  r.config = {{"keys", "100"}, {"alpha", "0.99"}};
  r.Set("requests", int64_t{1000});
  r.Set("hit_ratio", 0.75);
  r.Set("strategy", std::string("cache-aside"));
  r.series.push_back(Series{"hit_ratio", "ratio", {kSecond, 2 * kSecond}, {0.5, 0.8}});
  r.histograms.push_back(HistogramData{"latency_ns", {{100, 101, 5}, {200, 202, 7}}});
  r.events.push_back(RunEvent{3 * kSecond, "crash", "server=1"});
  return r;
}

TEST_CASE("a saved run reads back identically") {
  std::string path = TempDb("roundtrip");
  {
    ResultStore store(path);
    int64_t id = store.SaveRun(Sample());
    RunReport back = store.LoadRun(id);
    CHECK(back.label == "cache-aside/ttl");
    CHECK(back.seed == 42);
    CHECK(back.config == Sample().config);
    REQUIRE(back.fields.size() == 3);
    CHECK(std::get<int64_t>(*back.Get("requests")) == 1000);
    CHECK(std::get<double>(*back.Get("hit_ratio")) == 0.75);
    CHECK(std::get<std::string>(*back.Get("strategy")) == "cache-aside");
    REQUIRE(back.series.size() == 1);
    CHECK(back.series[0].v == std::vector<double>{0.5, 0.8});
    CHECK(back.series[0].t == std::vector<SimTime>{kSecond, 2 * kSecond});
    REQUIRE(back.histograms.size() == 1);
    CHECK(back.histograms[0].buckets[1].count == 7);
    REQUIRE(back.events.size() == 1);
    CHECK(back.events[0].detail == "server=1");
    auto list = store.ListRuns();
    REQUIRE(list.size() == 1);
    CHECK(list[0].fields.size() == 3);
    CHECK(list[0].config.size() == 2);
    CHECK_THROWS_AS(store.LoadRun(id + 100), std::runtime_error);
  }
  std::filesystem::remove(path);
}

TEST_CASE("a batch that fails half-way leaves nothing behind") {
  std::string path = TempDb("atomic");
  {
    ResultStore store(path);
    store.SaveRun(Sample());
    RunReport bad = Sample();
    bad.fields.push_back(bad.fields[0]);  // duplicate metric name violates the primary key
    CHECK_THROWS(store.SaveRuns({Sample(), bad}));
    CHECK(store.RunCount() == 1);
  }
  std::filesystem::remove(path);
}

TEST_CASE("an unopenable results file is reported by name") {
  try {
    ResultStore store("/nonexistent-dir/x.db");
    FAIL("expected an error");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("/nonexistent-dir/x.db") != std::string::npos);
  }
}
