// Faults through the runner: cache-node crash, cache outage, application
// server crash; and determinism of the strategy/stampede runs.
#include <catch2/catch.hpp>
#include <string>

#include "lab/experiment.h"
#include "lab/params.h"

using namespace cachelab;

namespace {

Params Small(const std::string& strategy) {
  Params p;
  p.Set("strategy", strategy);
  p.Set("keys", "1000");
  p.Set("requests", "60000");
  p.Set("rate", "10000");
  p.Set("ttl", "2s");
  return p;
}

bool HasEvent(const RunReport& r, const std::string& kind) {
  for (const auto& e : r.events)
    if (e.kind == kind) return true;
  return false;
}

}  // namespace

TEST_CASE("write-through: a cache-node crash loses no write") {
  Params p = Small("write-through");
  p.Set("crash", "t=3s:cache");
  RunReport r = RunExperiment(p);
  CHECK(r.GetNumber("lost_writes") == 0);
  CHECK(r.GetNumber("failed_requests") == 0);
  CHECK(HasEvent(r, "cache-crash"));
}

TEST_CASE("cache outage: reads fall back to the database and no request fails") {
  for (std::string s : {"cache-aside", "write-through", "write-behind", "refresh-ahead"}) {
    Params p = Small(s);
    p.Set("cache-outage", "t=2s:d=1s");
    RunReport r = RunExperiment(p);
    INFO(s);
    CHECK(r.GetNumber("failed_requests") == 0);
    CHECK(r.GetNumber("fallbacks") > 0);
    CHECK(r.GetNumber("cache_errors") > 0);
    // A fallback waits for the client timeout (100 ms), then the database.
    CHECK(r.GetNumber("fallback_latency_us.p50") >= 100000);
    CHECK(r.GetNumber("lost_writes") == 0);
    CHECK(HasEvent(r, "cache-outage"));
    CHECK(HasEvent(r, "cache-recovered"));
  }
}

TEST_CASE("write-behind: a server crash loses its buffer; every acknowledged write is persisted or lost") {
  Params p = Small("write-behind");
  p.Set("crash", "t=2500ms:server=1");
  RunReport r = RunExperiment(p);
  double lost = r.GetNumber("lost_writes");
  CHECK(lost > 0);
  CHECK(r.GetNumber("write_behind.acked") == r.GetNumber("write_behind.persisted") + lost);
  CHECK(r.GetNumber("loss_window_ms") > 0);
  CHECK(r.GetNumber("loss_window_ms") <= 1000);  // at most one flush interval
  CHECK(HasEvent(r, "server-crash"));
  CHECK(HasEvent(r, "writes-lost"));
}

TEST_CASE("bad fault specs name the flag") {
  Params p = Small("cache-aside");
  p.Set("crash", "t=1s:server=99");
  CHECK_THROWS_WITH(RunExperiment(p), Catch::Contains("--crash"));
  p = Small("cache-aside");
  p.Set("cache-outage", "t=1s");
  CHECK_THROWS_WITH(RunExperiment(p), Catch::Contains("--cache-outage"));
}

TEST_CASE("same parameters and seed give identical results for strategies and guards") {
  for (auto [strategy, guard] :
       {std::pair{"write-behind", "none"}, std::pair{"cache-aside", "xfetch"}, std::pair{"refresh-ahead", "lease"}}) {
    Params p = Small(strategy);
    p.Set("stampede", guard);
    p.Set("crash", "t=2s:server=0");
    RunReport a = RunExperiment(p), b = RunExperiment(p);
    REQUIRE(a.fields.size() == b.fields.size());
    for (size_t i = 0; i < a.fields.size(); ++i) {
      if (IsWallClockField(a.fields[i].name) || a.fields[i].name == "cpu_seconds") continue;
      INFO(strategy << "/" << guard << " " << a.fields[i].name);
      CHECK(a.fields[i].value == b.fields[i].value);
    }
  }
}
