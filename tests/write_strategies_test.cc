// Hand-checked schedules for the write strategies (issue 4). Redis RTT
// 0.2 ms, database read 1 ms, write (and batch) 2 ms, unless a test says so.
#include <catch2/catch.hpp>

#include "tests/support/strategy_harness.h"

using namespace cachelab;
using cachelab::testing::Int;
using cachelab::testing::StrategyHarness;
using cachelab::testing::StrategyHarnessConfig;

TEST_CASE("write-through: one writer, no races -> no stale read, every read after the first hits") {
  StrategyHarnessConfig c;
  c.strategy = "write-through";
  StrategyHarness h(c);
  // Writes every 100 ms; reads every 10 ms, never within 3 ms of a write's
  // start (so no read overlaps a write in flight).
  for (int i = 0; i < 20; ++i) h.At(i * 100 * kMillisecond, Op::kSet, 1);
  for (int i = 0; i < 200; ++i)
    if (i % 10 >= 1) h.At(i * 10 * kMillisecond + 5 * kMillisecond, Op::kGet, 1);
  h.Run();
  CHECK(h.Count([](const StrategyHarness::Done& d) { return d.is_read && d.stale; }) == 0);
  CHECK(h.Count([](const StrategyHarness::Done& d) { return d.is_read && !d.read.hit; }) == 0);
  CHECK(h.persisted_acks() == 20);
  CHECK(h.db().reads() == 0);  // the writes keep the cache filled
}

TEST_CASE("write-behind: a crash at t loses exactly the writes pending at t, with their window") {
  StrategyHarnessConfig c;
  c.strategy = "write-behind";
  c.strategy_config.flush_interval = 1 * kSecond;  // flushes at 1 s, 2 s, 3 s
  StrategyHarness h(c);
  // Writes to keys 0..29 at 0.1 s, 0.2 s, ..., 3.0 s; acknowledged 0.2 ms later.
  for (int i = 1; i <= 30; ++i) h.At(i * 100 * kMillisecond, Op::kSet, static_cast<uint64_t>(i));
  h.CrashAt(2500 * kMillisecond, 0);
  h.Run();
  RunReport r = h.Report();
  // Pending at 2.5 s: the writes of 2.0 s (acked at 2.0002, just after the
  // 2 s flush), 2.1, 2.2, 2.3 and 2.4 s.
  CHECK(Int(r, "lost_writes") == 5);
  CHECK(Int(r, "lost_rows") == 5);
  CHECK(r.GetNumber("loss_window_ms") == Approx(2500 - 2000.2));
  // Everything else reached the database; the lost keys never did.
  CHECK(h.db().Version(19) == 1);  // written at 1.9 s, flushed at 2 s
  CHECK(h.db().Version(20) == 0);
  CHECK(h.db().Version(24) == 0);
  CHECK(h.db().Version(25) == 1);
  CHECK(h.persisted_acks() == 0);  // write-behind acknowledges before persisting
}

TEST_CASE("write-behind: coalescing turns k writes to one key into one database row") {
  for (bool coalesce : {true, false}) {
    StrategyHarnessConfig c;
    c.strategy = "write-behind";
    c.strategy_config.coalesce = coalesce;
    c.strategy_config.flush_interval = 1 * kSecond;
    StrategyHarness h(c);
    const int k = 10;
    for (int i = 0; i < k; ++i) h.At((100 + 10 * i) * kMillisecond, Op::kSet, 7);
    h.Run();
    RunReport r = h.Report();
    CHECK(Int(r, "write_behind.batches") == 1);
    CHECK(Int(r, "write_behind.rows") == (coalesce ? 1 : k));
    CHECK(Int(r, "write_behind.persisted") == k);  // client writes, not rows
    CHECK(Int(r, "write_behind.acked") == k);
    CHECK(h.db().writes() == 1);  // one batched query
    // The row (or the last of the k rows) holds the k-th write: version k.
    CHECK(h.db().Version(7) == static_cast<uint64_t>(k));
  }
}

TEST_CASE("write-behind: cached values carry the version the database will commit") {
  StrategyHarnessConfig c;
  c.strategy = "write-behind";
  StrategyHarness h(c);
  h.At(0, Op::kSet, 3);
  h.At(10 * kMillisecond, Op::kGet, 3);    // hit on the buffered value (version 1, DB still 0)
  h.At(1500 * kMillisecond, Op::kGet, 3);  // after the 1 s flush: DB 1, cache 1
  h.Run();
  const auto& d = h.done();
  REQUIRE(d.size() == 3);
  CHECK(d[1].read.hit);
  CHECK(d[1].read.version == 1);
  CHECK(d[2].read.version == 1);
  CHECK_FALSE(d[2].stale);
}

TEST_CASE("refresh-ahead: a hot key reloads once per refresh period and never misses after warm-up") {
  StrategyHarnessConfig c;
  c.strategy = "refresh-ahead";
  c.ttl = 1 * kSecond;
  c.strategy_config.refresh_fraction = 0.2;
  StrategyHarness h(c);
  const int reads = 1000;  // every 10 ms for 10 s
  for (int i = 0; i < reads; ++i) h.At(i * 10 * kMillisecond, Op::kGet, 5);
  h.Run();
  RunReport r = h.Report();
  CHECK(h.Count([](const StrategyHarness::Done& d) { return !d.read.hit; }) == 1);  // the cold miss only
  // Filled at 1.4 ms with deadline +1 s; the first read inside the last 20%
  // (at 0.81 s, then every 0.8 s after each reload lands) reloads once:
  // reloads at 0.81, 1.62, ..., i.e. floor((10 - 0.01) / 0.81) = 12.
  int64_t reloads = Int(r, "refresh_ahead_reloads");
  CHECK(reloads == 12);
  CHECK(static_cast<int64_t>(h.db().reads()) == 1 + reloads);  // no duplicate loads
}

TEST_CASE("cache-aside race: read-miss / write / delete / stale set leaves the old value until its TTL") {
  // Reader's DB read (5 ms) spans the writer's commit (1 ms) and DEL:
  //   0.0   R: GET k -> nil (0.2 ms)         0.3   W: UPDATE (commits v1 at 1.3)
  //   0.2   R: SELECT sees v0 (until 5.2)     1.4   W: DEL k lands
  //   5.3   R: SET k v0 lands after the DEL: the cache holds v0, the database v1.
  for (std::string guard : {"none", "lease"}) {
    StrategyHarnessConfig c;
    c.strategy = "cache-aside";
    c.db_read = 5 * kMillisecond;
    c.db_write = 1 * kMillisecond;
    c.ttl = 1 * kSecond;
    c.strategy_config.stampede.guard = guard;
    StrategyHarness h(c);
    h.At(0, Op::kGet, 9);
    h.At(300 * kMicrosecond, Op::kSet, 9);
    h.At(20 * kMillisecond, Op::kGet, 9);  // stale hit (none) / fresh (lease refused the stale set)
    h.At(500 * kMillisecond, Op::kGet, 9);
    h.At(1100 * kMillisecond, Op::kGet, 9);  // after the TTL: reloaded, fresh
    h.Run();
    const auto& d = h.done();
    REQUIRE(d.size() == 5);
    CHECK(h.db().Version(9) == 1);
    int stale = h.Count([](const StrategyHarness::Done& x) { return x.is_read && x.stale; });
    if (guard == "none") {
      CHECK(d[2].read.hit);
      CHECK(d[2].read.version == 0);
      CHECK(stale == 3);  // the first read (served v0 after v1 committed) and the two cached hits
    } else {
      CHECK(Int(h.Report(), "refused_fills") == 1);
      CHECK(stale == 1);  // only the first read, which returned what it loaded
    }
    CHECK_FALSE(d[4].stale);
  }
}

TEST_CASE("distributed-lock: a holder that dies leaves the lock until its TTL") {
  StrategyHarnessConfig c;
  c.strategy = "cache-aside";
  c.strategy_config.stampede.guard = "distributed-lock";
  c.strategy_config.stampede.lock_ttl = 100 * kMillisecond;
  c.strategy_config.stampede.poll_interval = 5 * kMillisecond;
  StrategyHarness h(c);
  h.At(0, Op::kGet, 4, /*server=*/0);  // miss at 0.2 ms, lock taken at 0.4 ms, load until 1.4 ms
  h.CrashAt(1 * kMillisecond, 0);      // the holder dies mid-load
  h.At(2 * kMillisecond, Op::kGet, 4, /*server=*/1);
  h.Run();
  const auto& d = h.done();
  REQUIRE(d.size() == 2);
  CHECK(d[0].read.failed);  // the crashed server's request
  RunReport r = h.Report();
  CHECK(Int(r, "abandoned_loads") == 1);
  CHECK(Int(r, "loads") == 2);
  // Server 1 polls every 5 ms until the lock (set at 0.3 ms, PX 100) expires
  // at ~100.3 ms; it cannot be served before then.
  CHECK(d[1].at > 100 * kMillisecond);
  CHECK(d[1].at < 110 * kMillisecond);
  CHECK_FALSE(d[1].read.failed);
}

TEST_CASE("write-behind: a crashed buffer holding several writes of one key loses writes, not rows, and its versions") {
  // Hand-worked: server 0 writes key 5 at 0.1, 0.2, 0.3 s and key 6 at 0.4 s;
  // all are pending when it crashes at 0.5 s (the first flush is at 1 s).
  // Coalescing folds the three writes of key 5 into one row: 4 writes, 2 rows
  // lost; without coalescing every write is its own row: 4 and 4.
  for (bool coalesce : {true, false}) {
    INFO("coalesce " << coalesce);
    StrategyHarnessConfig c;
    c.strategy = "write-behind";
    c.strategy_config.coalesce = coalesce;
    c.strategy_config.flush_interval = 1 * kSecond;
    StrategyHarness h(c);
    for (int i = 1; i <= 3; ++i) h.At(i * 100 * kMillisecond, Op::kSet, 5);
    h.At(400 * kMillisecond, Op::kSet, 6);
    h.CrashAt(500 * kMillisecond, 0);
    // After the crash server 1 writes key 5 once (flushed at 2 s), then reads it.
    h.At(1500 * kMillisecond, Op::kSet, 5, /*server=*/1);
    h.At(2500 * kMillisecond, Op::kGet, 5, /*server=*/1);
    h.Run();
    RunReport r = h.Report();
    CHECK(Int(r, "lost_writes") == 4);
    CHECK(Int(r, "lost_rows") == (coalesce ? 2 : 4));
    CHECK(r.GetNumber("loss_window_ms") == Approx(500 - 100.2));
    CHECK(Int(r, "write_behind.acked") == 5);
    CHECK(Int(r, "write_behind.persisted") == 1);
    // The crashed buffer's writes (labels 1-3) never commit: server 1's
    // write is the key's 4th, the database commits it as 4, and the read is
    // served exactly that (not a version the database never had).
    CHECK(h.db().Version(5) == 4);
    CHECK(h.db().Version(6) == 0);
    const auto& d = h.done();
    REQUIRE(d.back().is_read);
    CHECK(d.back().read.hit);
    CHECK(d.back().read.version == 4);
  }
}

TEST_CASE("write-behind: after a crash, later writes carry the versions the database will commit") {
  // Server 0's buffered write of key 8 (cached as version 1) is lost in a crash
  // at 0.5 s. Server 1 then writes key 8 twice before its flush (labels 2 and
  // 3, rows of their own without coalescing); the second write's cached value
  // carries 3, and after the 2 s flush the database has exactly 3.
  StrategyHarnessConfig c;
  c.strategy = "write-behind";
  c.strategy_config.coalesce = false;
  StrategyHarness h(c);
  h.At(100 * kMillisecond, Op::kSet, 8);
  h.CrashAt(500 * kMillisecond, 0);
  h.At(1100 * kMillisecond, Op::kSet, 8, 1);
  h.At(1200 * kMillisecond, Op::kSet, 8, 1);
  h.At(1300 * kMillisecond, Op::kGet, 8, 1);  // before the flush: the acked value, version 3
  h.At(2500 * kMillisecond, Op::kGet, 8, 1);  // after it: database 3, cache 3
  h.Run();
  const auto& d = h.done();
  REQUIRE(d.size() == 5);
  CHECK(d[3].read.version == 3);
  CHECK(h.db().Version(8) == 3);
  CHECK(d[4].read.version == 3);
  CHECK_FALSE(d[4].stale);
}
