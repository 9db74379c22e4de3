// The components a simulated request goes through, one at a time, on a
// keyspace of state.range(0) keys drawn from Zipf(0.99) (as a default run):
// the workload's key draw, the simulated Redis GET (key string + hash +
// lookup), the database's version lookup and the per-key rows of episode
// accounting. scripts/profile.sh shows their shares inside a whole run.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "sim/key_rows.h"
#include "sim/redis_store.h"
#include "sim/rng.h"
#include "strategies/harness.h"
#include "workloads/synthetic.h"
#include "workloads/zipf.h"

using namespace cachelab;

namespace {

std::vector<uint64_t> ZipfKeys(uint64_t keys, size_t n) {
  ZipfSampler z(keys, 0.99);
  Rng rng(7);
  std::vector<uint64_t> out(n);
  for (auto& k : out) k = z.Sample(rng);
  return out;
}

}  // namespace

static void BM_ZipfSample(benchmark::State& state) {
  ZipfSampler z(static_cast<uint64_t>(state.range(0)), 0.99);
  Rng rng(1);
  uint64_t sum = 0;
  for (auto _ : state) sum += z.Sample(rng);
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ZipfSample)->Arg(100000)->Arg(10000000);

static void BM_SyntheticWorkloadNext(benchmark::State& state) {  // draws 8 ahead, prefetching
  SyntheticConfig c;
  c.keys = static_cast<uint64_t>(state.range(0));
  c.requests = UINT64_MAX;
  SyntheticWorkload w(c, 1);
  Request r;
  uint64_t sum = 0;
  for (auto _ : state) {
    w.Next(&r);
    sum += r.key;
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SyntheticWorkloadNext)->Arg(100000)->Arg(10000000);

static void BM_RedisGetHit(benchmark::State& state) {
  uint64_t keys = static_cast<uint64_t>(state.range(0));
  RedisStore store(RedisConfig{});
  for (uint64_t k = 0; k < keys; ++k) store.Set(CacheKey(k), Blob{"v1", 1000});
  std::vector<uint64_t> draws = ZipfKeys(keys, 1 << 20);
  size_t i = 0;
  for (auto _ : state) {
    RedisReply r = store.Get(CacheKey(draws[i++ & (draws.size() - 1)]));
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RedisGetHit)->Arg(100000)->Arg(1000000);

static void BM_CacheKey(benchmark::State& state) {
  uint64_t k = 0;
  for (auto _ : state) {
    std::string s = CacheKey(k++ % 100000);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CacheKey);

struct Row24 {  // the size of an episode-accounting row
  uint64_t a = 0, b = 0, c = 0;
};

static void BM_KeyRowsGet(benchmark::State& state) {
  uint64_t keys = static_cast<uint64_t>(state.range(0));
  KeyRows<Row24> rows;
  for (uint64_t k = 0; k < keys; ++k) rows.Get(k);
  std::vector<uint64_t> draws = ZipfKeys(keys, 1 << 20);
  size_t i = 0;
  for (auto _ : state) ++rows.Get(draws[i++ & (draws.size() - 1)]).a;
  state.SetItemsProcessed(state.iterations());
  state.counters["bytes_per_key"] = static_cast<double>(rows.MemoryBytes()) / static_cast<double>(keys);
}
BENCHMARK(BM_KeyRowsGet)->Arg(100000)->Arg(1000000);

BENCHMARK_MAIN();
