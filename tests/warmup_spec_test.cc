// --warmup parsing (shared by run and replay): the three forms, the edges, and
// the values that must be refused. Expectations are hand-computed.
#include <catch2/catch.hpp>

#include "workloads/warmup_spec.h"

using namespace cachelab;

TEST_CASE("warm-up: a bare number is a request count, N% a fraction, a unit a duration") {
  WarmupSpec w;
  std::string e;
  REQUIRE(ParseWarmupSpec("5000", &w, &e));
  CHECK(w.kind == WarmupSpec::Kind::kRequests);
  CHECK(w.RequestsOf(1000000) == 5000);
  CHECK(w.InWarmup(4999, 0, 1000000));
  CHECK_FALSE(w.InWarmup(5000, 0, 1000000));

  REQUIRE(ParseWarmupSpec("20%", &w, &e));
  CHECK(w.kind == WarmupSpec::Kind::kFraction);
  CHECK(w.RequestsOf(113872) == 22774);  // floor(113872 * 0.2) = 22774.4 -> 22774
  CHECK(w.InWarmup(22773, 0, 113872));
  CHECK_FALSE(w.InWarmup(22774, 0, 113872));
  REQUIRE(ParseWarmupSpec("12.5%", &w, &e));
  CHECK(w.RequestsOf(80) == 10);

  REQUIRE(ParseWarmupSpec("30s", &w, &e));
  CHECK(w.kind == WarmupSpec::Kind::kDuration);
  CHECK(w.duration == 30 * kSecond);
  CHECK(w.InWarmup(1000000, 30 * kSecond - 1, 10));
  CHECK_FALSE(w.InWarmup(0, 30 * kSecond, 10));
  REQUIRE(ParseWarmupSpec("250ms", &w, &e));
  CHECK(w.duration == 250 * kMillisecond);
}

TEST_CASE("warm-up: none, and bad values refused with the value named") {
  WarmupSpec w;
  std::string e;
  for (const char* none : {"", "0", "none"}) {
    REQUIRE(ParseWarmupSpec(none, &w, &e));
    CHECK(w.none());
    CHECK_FALSE(w.InWarmup(0, 0, 100));
  }
  for (const char* bad : {"abc", "-5", "101%", "%", "5x", "1.5", "-1s", "20 %"}) {
    INFO(bad);
    CHECK_FALSE(ParseWarmupSpec(bad, &w, &e));
    CHECK(e.find(std::string("'") + bad + "'") != std::string::npos);
  }
}
