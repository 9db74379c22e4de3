// The simulated database's connection pool and snapshot rule, on hand-worked
// schedules (fixed latencies, so every completion time follows by hand).
#include <catch2/catch.hpp>

#include <vector>

#include "sim/sim_database.h"

using namespace cachelab;

namespace {

SimDatabaseConfig Pool(int size) {
  SimDatabaseConfig c;
  c.pool_size = size;
  c.read_latency = Distribution::Fixed(static_cast<double>(10 * kMillisecond));
  c.write_latency = Distribution::Fixed(static_cast<double>(4 * kMillisecond));
  return c;
}

}  // namespace

TEST_CASE("database pool: queries beyond the pool wait FIFO for a connection") {
  // Pool 2, five 10 ms reads submitted at t = 0: two run at once, so they
  // complete at 10, 10, 20, 20, 30 ms, in submission order; the waits are
  // 0, 0, 10, 10, 20 ms; five are in flight at the peak.
  Simulator sim;
  Metrics m(kSecond);
  SimDatabase db(sim, Pool(2), m, 1);
  std::vector<std::pair<int, SimTime>> done;
  for (int i = 0; i < 5; ++i) db.Read(static_cast<uint64_t>(i), [&, i](uint64_t) { done.emplace_back(i, sim.Now()); });
  CHECK(db.in_flight() == 5);
  sim.Run();
  REQUIRE(done.size() == 5);
  const SimTime at[] = {10, 10, 20, 20, 30};
  for (int i = 0; i < 5; ++i) {
    CHECK(done[i].first == i);
    CHECK(done[i].second == at[i] * kMillisecond);
  }
  CHECK(db.pool_wait().count() == 5);
  CHECK(db.pool_wait().max() == static_cast<uint64_t>(20 * kMillisecond));
  CHECK(db.peak_concurrency() == 5);
  CHECK(db.queries() == 5);
}

TEST_CASE("database: a read sees the version committed when it starts, even if it waited for a connection") {
  // Pool 1: a 4 ms write of key 7 at t = 0 holds the only connection; a read
  // of key 7 submitted at 1 ms starts at 4 ms, after the commit: version 1.
  // A read started at 0 on a second connection would have seen version 0.
  Simulator sim;
  Metrics m(kSecond);
  SimDatabase db(sim, Pool(1), m, 1);
  uint64_t seen = 99, written = 99;
  db.Write(7, [&](uint64_t v) { written = v; });
  sim.Schedule(1 * kMillisecond, [&] { db.Read(7, [&](uint64_t v) { seen = v; }); });
  sim.Run();
  CHECK(written == 1);
  CHECK(seen == 1);
  CHECK(sim.Now() == 14 * kMillisecond);

  Simulator sim2;
  Metrics m2(kSecond);
  SimDatabase db2(sim2, Pool(2), m2, 1);
  db2.Write(7, [](uint64_t) {});
  sim2.Schedule(1 * kMillisecond, [&] { db2.Read(7, [&](uint64_t v) { seen = v; }); });
  sim2.Run();
  CHECK(seen == 0);
  CHECK(db2.Version(7) == 1);
}

TEST_CASE("database: reads for a ReadClient wait in the same FIFO as reads with callbacks") {
  // Pool 1, 10 ms reads, 4 ms writes: callback read A (0-10 ms), client read B
  // of key 7 (10-20), write of key 7 (20-24), client read C of key 7 (24-34),
  // callback read D (34-44), all submitted at t = 0: B saw version 0, C version 1.
  Simulator sim;
  Metrics m(kSecond);
  SimDatabase db(sim, Pool(1), m, 1);
  std::vector<std::pair<char, SimTime>> done;
  std::vector<uint64_t> versions;
  struct Ctx {
    Simulator* sim;
    std::vector<std::pair<char, SimTime>>* done;
    std::vector<uint64_t>* versions;
  } ctx{&sim, &done, &versions};
  const SimDatabase::ReadClient to{[](void* c, uint32_t token, uint64_t v) {
                                     auto* x = static_cast<Ctx*>(c);
                                     x->done->emplace_back(static_cast<char>(token), x->sim->Now());
                                     x->versions->push_back(v);
                                   },
                                   &ctx};
  db.Read(1, [&](uint64_t) { done.emplace_back('A', sim.Now()); });
  db.Read(db.KeyId(7), to, 'B');
  db.Write(7, [&](uint64_t) { done.emplace_back('w', sim.Now()); });
  db.Read(db.KeyId(7), to, 'C');
  db.Read(2, [&](uint64_t) { done.emplace_back('D', sim.Now()); });
  sim.Run();
  const std::vector<std::pair<char, SimTime>> expected = {
      {'A', 10 * kMillisecond}, {'B', 20 * kMillisecond}, {'w', 24 * kMillisecond},
      {'C', 34 * kMillisecond}, {'D', 44 * kMillisecond}};
  CHECK(done == expected);
  CHECK(versions == std::vector<uint64_t>{0, 1});
  CHECK(db.reads() == 4);
  CHECK(db.queries() == 5);
}

TEST_CASE("database: a labelled write commits as its label, never backwards, reporting each version it passes") {
  // Fixed 4 ms writes and batches, pool 2, all submitted at t = 0 in this
  // order: WriteAs(k, 3) and a batch {k as 2, j as 1} run first and finish
  // at 4 ms in submission order (k: 0 -> 3, observer 1, 2, 3; then k as 2
  // is older: nothing; j: 1); WriteAs(k, 5) waits, runs 4-8 ms: k 3 -> 5,
  // observer 4, 5; a plain Write(k) then increments: 6.
  Simulator sim;
  Metrics m(kSecond);
  SimDatabaseConfig c = Pool(2);
  c.batch_latency = Distribution::Fixed(static_cast<double>(4 * kMillisecond));
  c.per_row_latency = 0;
  SimDatabase db(sim, c, m, 1);
  uint32_t k = db.KeyId(7), j = db.KeyId(8);
  std::vector<std::pair<uint32_t, uint64_t>> seen;
  db.set_commit_observer([&](uint32_t id, uint64_t v) { seen.emplace_back(id, v); });
  std::vector<uint64_t> results;
  db.WriteAs(7, k, 3, [&](uint64_t v) { results.push_back(v); });
  db.WriteBatch({{7, 2}, {8, 1}}, [&](uint64_t rows) { results.push_back(rows); });
  db.WriteAs(7, k, 5, [&](uint64_t v) { results.push_back(v); });
  sim.Run();
  CHECK(db.Version(7) == 5);
  CHECK(db.Version(8) == 1);
  CHECK(results == std::vector<uint64_t>{3, 2, 5});  // versions after WriteAs, rows of the batch
  using S = std::vector<std::pair<uint32_t, uint64_t>>;
  CHECK(seen == S{{k, 1}, {k, 2}, {k, 3}, {j, 1}, {k, 4}, {k, 5}});
  db.Write(7, [](uint64_t) {});
  sim.Run();
  CHECK(db.Version(7) == 6);
  CHECK(db.writes() == 4);
}
