// Cache-aside on a tiny trace whose outcome is computed by hand:
// Redis RTT 0.2 ms, database read 1 ms, write 2 ms, TTL 10 s.
#include <catch2/catch.hpp>

#include "tests/support/strategy_harness.h"

using namespace cachelab;
using cachelab::testing::StrategyHarness;
using cachelab::testing::StrategyHarnessConfig;

static bool IsHit(const StrategyHarness::Done& d) { return d.is_read && d.read.hit; }
static bool IsMiss(const StrategyHarness::Done& d) { return d.is_read && !d.read.hit; }

TEST_CASE("cache-aside: exact hits and misses on a hand-computed trace") {
  StrategyHarness h{StrategyHarnessConfig{}};
  const uint64_t A = 1, B = 2;
  h.At(0, Op::kGet, A);                      // miss: GET 0.2 + DB 1 + SET 0.2 -> done 1.4 ms, A cached until 10.0014 s
  h.At(10 * kMillisecond, Op::kGet, A);      // hit
  h.At(20 * kMillisecond, Op::kGet, B);      // miss, B cached until ~10.0214 s
  h.At(30 * kMillisecond, Op::kSet, A);      // DB write commits at 32 ms, DEL lands at 32.1 ms
  h.At(40 * kMillisecond, Op::kGet, A);      // miss (deleted), refilled at ~41.3 ms
  h.At(50 * kMillisecond, Op::kGet, A);      // hit
  h.At(11 * kSecond, Op::kGet, A);           // miss: expired at ~10.04 s
  h.At(11500 * kMillisecond, Op::kGet, B);   // miss: expired
  h.At(11600 * kMillisecond, Op::kGet, B);   // hit
  h.Run();
  CHECK(h.Count(IsHit) == 3);
  CHECK(h.Count(IsMiss) == 5);
  CHECK(h.db().reads() == 5);
  CHECK(h.db().writes() == 1);
  // Latencies: a hit is one round trip; a miss is GET + DB read + SET.
  const auto& c = h.done();
  REQUIRE(c.size() == 9);
  CHECK(c[0].at == 1400 * kMicrosecond);
  CHECK(c[1].at == 10 * kMillisecond + 200 * kMicrosecond);
  // The write is acknowledged after DB (2 ms) + DEL (0.2 ms).
  auto write = std::find_if(c.begin(), c.end(), [](const auto& x) { return !x.is_read; });
  CHECK(write->at == 32200 * kMicrosecond);
  // The read after the write sees the new version.
  auto after = std::find_if(c.begin(), c.end(), [](const auto& x) { return x.req.at == 40 * kMillisecond; });
  CHECK(after->read.version == 1);
  CHECK_FALSE(after->read.hit);
}

TEST_CASE("cache-aside: a cache that is down degrades to the database, no failed requests") {
  StrategyHarness h{StrategyHarnessConfig{}};
  h.redis().set_down(true);
  h.At(0, Op::kGet, 7);
  h.At(1 * kSecond, Op::kSet, 7);
  h.Run();
  REQUIRE(h.done().size() == 2);
  CHECK(h.done()[0].read.fallback);
  CHECK_FALSE(h.done()[0].read.failed);
  // Read: 100 ms client timeout + 1 ms database.
  CHECK(h.done()[0].at == 101 * kMillisecond);
  CHECK(h.db().reads() == 1);
}
