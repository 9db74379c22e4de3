// Lookups per second for every partitioner with 100 nodes, one core.
// BM_Lookup/<name> includes hashing the string key (MD5 for ketama, Hash64
// for the others); BM_*LookupHash measures the ring/ketama continuum search
// alone, on precomputed 32-bit key hashes (what a client that caches key
// hashes, or the simulator with pre-hashed keys, pays per lookup).
#include <benchmark/benchmark.h>

#include <random>

#include "strategies/partitioners/bounded_load_partitioner.h"
#include "strategies/partitioners/hash.h"
#include "strategies/partitioners/ketama_partitioner.h"
#include "strategies/partitioners/ring_partitioner.h"

using namespace cachelab;

namespace {

constexpr std::size_t kKeys = 1 << 16;  // power of two: index with a mask

std::vector<NodeSpec> Nodes() {
  std::vector<NodeSpec> nodes;
  for (int i = 0; i < 100; ++i) nodes.push_back({"10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 1), 11211, 1});
  return nodes;
}

const std::vector<std::string>& Keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (std::size_t i = 0; i < kKeys; ++i) k.push_back("user:" + std::to_string(i * 7919));
    return k;
  }();
  return keys;
}

std::vector<std::uint32_t> RandomHashes() {
  std::mt19937 rng(42);
  std::vector<std::uint32_t> h(kKeys);
  for (auto& x : h) x = rng();
  return h;
}

void BM_Lookup(benchmark::State& state, const char* name) {
  auto p = MakePartitioner(name, Nodes());
  const auto& keys = Keys();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(p->Lookup(keys[i++ & (kKeys - 1)]));
  state.SetItemsProcessed(state.iterations());
}

void BM_JumpLookupInt(benchmark::State& state) {
  auto p = MakePartitioner("jump", Nodes());
  std::uint64_t k = 0x9e3779b97f4a7c15ULL;
  for (auto _ : state) benchmark::DoNotOptimize(p->Lookup(k += 0x9e3779b97f4a7c15ULL));
  state.SetItemsProcessed(state.iterations());
}

template <typename P, typename... Args>
void LookupHash(benchmark::State& state, Args... args) {
  P p(Nodes(), args...);
  const auto hashes = RandomHashes();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(p.LookupHash(hashes[i++ & (kKeys - 1)]));
  state.SetItemsProcessed(state.iterations());
}
void BM_RingLookupHash(benchmark::State& state) { LookupHash<RingPartitioner>(state, 100u); }
void BM_KetamaLookupHash(benchmark::State& state) { LookupHash<KetamaPartitioner>(state, KetamaFormat::kLibmemcached); }

void BM_KeyHashMd5(benchmark::State& state) {
  const auto& keys = Keys();
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(KetamaPartitioner::KeyHash(keys[i++ & (kKeys - 1)]));
  state.SetItemsProcessed(state.iterations());
}

void BM_BoundedLoadAssign(benchmark::State& state) {
  BoundedLoadPartitioner p(Nodes(), 100, 0.25);
  std::uint64_t k = 0;
  for (auto _ : state) benchmark::DoNotOptimize(p.Assign(std::to_string(k++)));
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK_CAPTURE(BM_Lookup, ring, "ring");
BENCHMARK_CAPTURE(BM_Lookup, ketama, "ketama");
BENCHMARK_CAPTURE(BM_Lookup, jump, "jump");
BENCHMARK_CAPTURE(BM_Lookup, rendezvous, "rendezvous");
BENCHMARK_CAPTURE(BM_Lookup, maglev, "maglev");
BENCHMARK_CAPTURE(BM_Lookup, bounded_load, "bounded-load");
BENCHMARK_CAPTURE(BM_Lookup, modulo, "modulo");
BENCHMARK(BM_JumpLookupInt);
BENCHMARK(BM_RingLookupHash);
BENCHMARK(BM_KetamaLookupHash);
BENCHMARK(BM_KeyHashMd5);
BENCHMARK(BM_BoundedLoadAssign);
BENCHMARK_MAIN();
