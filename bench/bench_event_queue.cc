// Event kernel throughput: the "hold" model (pop the earliest event, schedule
// a new one a random delay later) at a steady queue size. One iteration is one
// schedule + one pop.
#include <benchmark/benchmark.h>

#include "sim/rng.h"
#include "sim/simulator.h"

using namespace cachelab;

static void BM_ScheduleAndPop(benchmark::State& state) {
  Simulator sim;
  Rng rng(1);
  const int64_t pending = state.range(0);
  uint64_t fired = 0;
  for (int64_t i = 0; i < pending; ++i)
    sim.Schedule(static_cast<SimTime>(rng.Below(1000000)), [&fired] { ++fired; });
  for (auto _ : state) {
    sim.Schedule(static_cast<SimTime>(rng.Below(1000000)), [&fired] { ++fired; });
    sim.Step();
  }
  benchmark::DoNotOptimize(fired);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScheduleAndPop)->Arg(16)->Arg(1000)->Arg(100000);

static void BM_ScheduleCancel(benchmark::State& state) {
  Simulator sim;
  Rng rng(2);
  for (auto _ : state) {
    EventId id = sim.Schedule(static_cast<SimTime>(rng.Below(1000)), [] {});
    sim.Cancel(id);
    sim.Step();  // drains the cancelled entry
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScheduleCancel);

BENCHMARK_MAIN();
