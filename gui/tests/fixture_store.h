// A results store with known runs, written through the real ResultStore, for
// the GUI tests: every series the charts read, a latency histogram, events
// and per-node ring numbers, with values the tests can check.
#pragma once
#include <QString>

#include "sim/run_report.h"

namespace cachelab::gui::test {

// Run i (0-based) of the fixture: 10 windows of 1 s; hit_ratio = 0.5 + 0.04*w (+0.01*i),
// latency.p50 = 200 + w + i, db_queries_per_s = 1000 - 50*w - i, memory_bytes = w MiB + 4 KiB*i,
// every series a little different per run; 4 ring nodes, 2 events (3 s, 7 s).
RunReport FixtureRun(int i);
// Writes `count` fixture runs to a new store at `path` (ids 1..count).
void WriteFixtureStore(const QString& path, int count);

}  // namespace cachelab::gui::test
