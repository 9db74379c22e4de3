// Write-behind's version labels on hand-worked schedules where the buffer
// changes while a write's SET is in flight (coalesced into, flushed, lost
// in a crash). Labels: the key's n-th write carries version n; a row
// commits as its newest write's label (strategies/write_behind.h). The
// harness: database write (and batch) 2 ms + 50 us a row, flushes on the
// 1 s grid, cache RTT as each test says.
#include <catch2/catch.hpp>

#include "lab/run_extras.h"
#include "tests/support/strategy_harness.h"

using namespace cachelab;
using cachelab::testing::Int;
using cachelab::testing::StrategyHarness;
using cachelab::testing::StrategyHarnessConfig;

namespace {

// divergent_keys as the runner reports it (cache value's version != database's), keys 0..9.
int64_t Divergent(StrategyHarness& h) {
  RunReport r;
  ReportDivergence(h.redis().store(), h.db(), 10, &r);
  return Int(r, "divergent_keys");
}

int Stale(const StrategyHarness& h) {
  return h.Count([](const StrategyHarness::Done& d) { return d.is_read && d.stale; });
}

// The last request was a read that hit `version`, and no read was stale.
void CheckLastRead(const StrategyHarness& h, uint64_t version) {
  REQUIRE(h.done().back().is_read);
  CHECK(h.done().back().read.hit);
  CHECK(h.done().back().read.version == version);
  CHECK(Stale(h) == 0);
}

}  // namespace

TEST_CASE("write-behind: two writes in flight while the buffer is empty coalesce into one row of the newer") {
  // RTT 50 ms: write 1 (t=0) and write 2 (t=1 ms) are both sent before
  // either is acked (50, 51 ms), so both find the buffer empty. Write 1's
  // ack makes the row, write 2's folds into it; the 1 s flush commits that
  // one row holding write 2, label 2. Write 2's SET landed last, so the
  // cache holds label 2 too. Without coalescing: two rows, 1 then 2.
  // (Before the fix both writes counted a row of their own: the cache said
  // 2, the database 1: divergent.)
  for (bool coalesce : {true, false}) {
    INFO("coalesce " << coalesce);
    StrategyHarnessConfig c;
    c.strategy = "write-behind";
    c.redis_rtt = 50 * kMillisecond;
    c.strategy_config.coalesce = coalesce;
    StrategyHarness h(c);
    h.At(0, Op::kSet, 1);
    h.At(1 * kMillisecond, Op::kSet, 1);
    h.At(1500 * kMillisecond, Op::kGet, 1);
    h.Run();
    RunReport r = h.Report();
    CHECK(Int(r, "write_behind.rows") == (coalesce ? 1 : 2));
    CHECK(Int(r, "write_behind.persisted") == 2);
    CHECK(h.db().Version(1) == 2);
    CheckLastRead(h, 2);
    CHECK(Divergent(h) == 0);
  }
}

TEST_CASE("write-behind: a flush between a write's SET and its ack does not shift later labels") {
  // RTT 5 ms. Write 1 at 0.5 s (acked 0.505) is the buffer's row; write 2 is
  // sent at 0.999 s, the 1 s flush takes the row (write 1, commits 1 at
  // 1.002 s), then write 2's ack (1.004 s) makes a new row: committed at
  // 2 s as 2. Write 3 at 3.5 s: committed at 4 s as 3. Every SET lands
  // before its write's row is even formed, so each read (2.5 s, 4.5 s) hits
  // the newest value and it is the committed one: versions 2 and 3, none
  // stale. (Before: write 2 was labelled 1 and write 3 2, a version behind
  // the database, so both reads were stale.)
  StrategyHarnessConfig c;
  c.strategy = "write-behind";
  c.redis_rtt = 5 * kMillisecond;
  StrategyHarness h(c);
  h.At(500 * kMillisecond, Op::kSet, 1);
  h.At(999 * kMillisecond, Op::kSet, 1);
  h.At(2500 * kMillisecond, Op::kGet, 1);
  h.At(3500 * kMillisecond, Op::kSet, 1);
  h.At(4500 * kMillisecond, Op::kGet, 1);
  h.Run();
  const auto& d = h.done();
  REQUIRE(d.size() == 5);
  REQUIRE(d[2].is_read);
  CHECK(d[2].read.hit);
  CHECK(d[2].read.version == 2);
  REQUIRE(d[4].is_read);
  CHECK(d[4].read.hit);
  CHECK(d[4].read.version == 3);
  CHECK(Stale(h) == 0);
  CHECK(h.db().Version(1) == 3);
  CHECK(Int(h.Report(), "write_behind.rows") == 3);
  CHECK(Divergent(h) == 0);
}

TEST_CASE("write-behind: a crash between a write's SET and its ack loses the buffer, not that write's label") {
  // RTT 0.2 ms. Write 1 (0.1 s, label 1) is buffered; write 2 is sent at
  // 0.5 s and the server crashes at 0.5001 s, before its ack (0.5002 s):
  // write 1 is lost, write 2's ack lands in the restarted buffer and commits
  // at 1 s as 2. Write 3 (1.5 s) commits at 2 s as 3; the read at 2.5 s hits
  // it: version 3, not stale. (Before: the crash and the late ack drove the
  // pending-row count below zero; write 3 was labelled 1, behind the
  // database's 2: a stale read and a divergent key.)
  StrategyHarnessConfig c;
  c.strategy = "write-behind";
  StrategyHarness h(c);
  h.At(100 * kMillisecond, Op::kSet, 1);
  h.At(500 * kMillisecond, Op::kSet, 1);
  h.CrashAt(500 * kMillisecond + 100 * kMicrosecond, 0);
  h.At(1500 * kMillisecond, Op::kSet, 1);
  h.At(2500 * kMillisecond, Op::kGet, 1);
  h.Run();
  RunReport r = h.Report();
  CHECK(Int(r, "lost_writes") == 1);
  CHECK(Int(r, "write_behind.acked") == 3);
  CHECK(Int(r, "write_behind.persisted") == 2);
  CHECK(h.db().Version(1) == 3);
  CheckLastRead(h, 3);
  CHECK(Divergent(h) == 0);
}

TEST_CASE("write-behind, version keys: a crash sends readers back to the label of a batch still in flight") {
  // RTT 0.2 ms. Write 1 (0.9 s, label 1) is flushed at 1 s; its batch
  // commits at 1.00205 s. Write 2 (1.0001 s, label 2) is buffered at
  // 1.0003 s, and lost in the crash at 1.001 s, while the batch is in
  // flight: the newest version still to commit is 1, so readers go back to
  // "k:1:v1", where write 1's SET put its value. The read at 1.5 s hits it,
  // version 1 = the database's. (Readers left on v2 would be served the lost
  // write; readers sent to the database's version at the crash, 0, would miss.)
  StrategyHarnessConfig c;
  c.strategy = "write-behind";
  c.invalidation = "version";
  StrategyHarness h(c);
  h.At(900 * kMillisecond, Op::kSet, 1);
  h.At(1000 * kMillisecond + 100 * kMicrosecond, Op::kSet, 1);
  h.CrashAt(1001 * kMillisecond, 0);
  h.At(1500 * kMillisecond, Op::kGet, 1);
  h.Run();
  CHECK(Int(h.Report(), "lost_writes") == 1);
  CHECK(h.db().Version(1) == 1);
  CheckLastRead(h, 1);
}
