// Replay throughput per policy on the cloudPhysicsIO oracleGeneral sample,
// decoded into memory once (the replay loop only, as `cachelab replay` times
// it). items_per_second is requests/s. Also the .zst decode cost.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstdlib>
#include <random>
#include <string>

#include "eviction/replay.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

using namespace cachelab;
using namespace cachelab::eviction;

namespace {

const ReplayTrace& Trace() {
  static ReplayTrace t = [] {
    std::string error;
    auto r = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin", {}, &error);
    ReplayTrace out;
    if (!r || !LoadReplayTrace(*r, false, &out, &error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      std::exit(1);
    }
    return out;
  }();
  return t;
}

// state.range(0): cache size as a per-mille of the working set; range(1): object mode.
void BM_Replay(benchmark::State& state, const char* policy) {
  const ReplayTrace& t = Trace();
  bool object_mode = state.range(1) != 0;
  WorkingSet ws = ComputeWorkingSet(t);
  uint64_t cap = CacheSizeFromFraction(state.range(0) / 1000.0, ws, object_mode);
  uint64_t misses = 0;
  double loop_seconds = 0;
  for (auto _ : state) {
    PolicyOptions o;
    o.capacity = cap;
    o.expected_objects = object_mode ? cap : cap / (ws.bytes / ws.objects);
    auto p = MakePolicy(policy, o, nullptr);
    ReplayResult r = Replay(t, *p, ReplayConfig{cap, object_mode});
    misses = r.misses;
    loop_seconds += r.seconds;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * t.size()));
  state.counters["miss_ratio"] = static_cast<double>(misses) / static_cast<double>(t.size());
  state.counters["loop_Mreq_s"] = static_cast<double>(state.iterations() * t.size()) / loop_seconds / 1e6;
}

void Sizes(benchmark::internal::Benchmark* b) {
  b->Args({10, 1})->Args({100, 1})->Args({100, 0})->Unit(benchmark::kMillisecond);
}

void BM_Decode(benchmark::State& state, const char* file) {
  for (auto _ : state) {
    std::string error;
    auto r = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/" + file, {}, &error);
    ReplayTrace out;
    LoadReplayTrace(*r, false, &out, &error);
    benchmark::DoNotOptimize(out.ids.data());
    state.SetItemsProcessed(state.items_processed() + static_cast<int64_t>(out.size()));
  }
}

// Bytes per cached object: 2M requests over 1.5M ids into a 1M-object cache.
// The policy's heap (mallinfo2 after the replay, the policy still alive,
// ghosts included) plus the replay loop's index (id map, handle arrays).
void BM_BytesPerObject(benchmark::State& state, const char* policy) {
  static ReplayTrace t = [] {
    ReplayTrace out;
    std::mt19937_64 rng(1);
    for (int i = 0; i < 2000000; ++i) {
      out.ids.push_back(rng() % 1500000);
      out.sizes.push_back(4096);
    }
    return out;
  }();
  const uint64_t cap = 1000000;
  double per_object = 0;
  for (auto _ : state) {
    size_t before = mallinfo2().uordblks;
    PolicyOptions o;
    o.capacity = cap;
    auto p = MakePolicy(policy, o, nullptr);
    ReplayResult r = Replay(t, *p, ReplayConfig{cap, true});
    per_object = static_cast<double>(mallinfo2().uordblks - before + r.index_bytes) / static_cast<double>(cap);
  }
  state.counters["bytes_per_object"] = per_object;
}

}  // namespace

BENCHMARK_CAPTURE(BM_BytesPerObject, lru, "lru")->Iterations(1);
BENCHMARK_CAPTURE(BM_BytesPerObject, clock, "clock")->Iterations(1);
BENCHMARK_CAPTURE(BM_BytesPerObject, sieve, "sieve")->Iterations(1);
BENCHMARK_CAPTURE(BM_BytesPerObject, lfu, "lfu")->Iterations(1);
BENCHMARK_CAPTURE(BM_BytesPerObject, arc, "arc")->Iterations(1);
BENCHMARK_CAPTURE(BM_BytesPerObject, s3fifo, "s3fifo")->Iterations(1);
BENCHMARK_CAPTURE(BM_BytesPerObject, twoq, "twoq")->Iterations(1);
BENCHMARK_CAPTURE(BM_Replay, lru, "lru")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, fifo, "fifo")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, clock, "clock")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, sieve, "sieve")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, lfu, "lfu")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, arc, "arc")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, s3fifo, "s3fifo")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, twoq, "twoq")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, wtinylfu, "wtinylfu")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, belady, "belady")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, redis_lru, "redis-lru")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Replay, redis_lfu, "redis-lfu")->Apply(Sizes);
BENCHMARK_CAPTURE(BM_Decode, oracle_plain, "cloudPhysicsIO.oracleGeneral.bin")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Decode, oracle_zst, "cloudPhysicsIO.oracleGeneral.bin.zst")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Decode, csv_zst, "cloudPhysicsIO.csv.zst")->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
