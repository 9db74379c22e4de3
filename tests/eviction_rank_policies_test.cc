// LFUDA, GDSF and LRU-K beyond the cachesim table (which holds LFUDA and GDSF
// exactly: tests/eviction_libcachesim_test.cc): hand-worked traces for the
// rules and quirks their headers state, and LRU-K against cachesim's LRU rows
// (K = 1 is LRU; cachesim at aa0fc409 has no LRU-K of its own).
#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>

#include "eviction/gdsf.h"
#include "eviction/lfuda.h"
#include "eviction/lruk.h"
#include "eviction/replay.h"
#include "eviction_test_util.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

using namespace cachelab;
using namespace cachelab::eviction;
using cachelab::eviction::testing::AddNextAccess;
using cachelab::eviction::testing::HitMissString;
using cachelab::eviction::testing::TraceOf;

namespace {

PolicyOptions K(int k) {
  PolicyOptions o;
  o.lruk_k = k;
  return o;
}

}  // namespace

TEST_CASE("LRU-2 evicts the oldest second-to-last request, and young objects first") {
  // cap 2. A A B B A C: A's last two requests are 1 and 4 (0-based), B's 2 and 3;
  // C evicts A (K-distance from request 1) although A was used last; LRU would
  // evict B. Then A misses and B hits.
  CHECK(HitMissString(TraceOf("A A B B A C A B"), "lruk", 2) == "MHMHHMMH");
  CHECK(HitMissString(TraceOf("A A B B A C A B"), "lru", 2) == "MHMHHMHM");
  // A A B C: B has one request (infinite K-distance) and goes before A.
  CHECK(HitMissString(TraceOf("A A B C A"), "lruk", 2) == "MHMMH");
  // Young objects leave in insertion order, a hit does not move them: A B A(2nd:
  // graduates) C D -> C, D young; E evicts C (oldest young), not A.
  CHECK(HitMissString(TraceOf("A B A C D E A D"), "lruk", 3) == "MMHMMMHH");
  // K = 3: two requests are still young.
  CHECK(HitMissString(TraceOf("A A B B B C B"), "lruk", 2, true, K(3)) == "MHMHHMH");
  // A A B C C: C evicts young B, then C graduates (key: its insert); B then
  // evicts A (older key), and A evicts the young B.
  CHECK(HitMissString(TraceOf("A A B C C B A"), "lruk", 2) == "MHMMHMM");
}

TEST_CASE("names, aliases and the k parameter") {
  PolicyOptions o;
  std::string error;
  for (const char* n : {"LRU-K", "lru_k", "lruk", "LFUDA", "GDSF"}) CHECK(MakePolicy(n, o, &error) != nullptr);
  CHECK(CanonicalPolicyName("LRU-K") == "lruk");
}

TEST_CASE("LRU-K with K = 1 is cachesim's LRU, row for row") {
  std::ifstream in(std::string(CACHELAB_TEST_DATA) + "/libcachesim_expectations.tsv");
  REQUIRE(in);
  std::string line;
  int checked = 0;
  std::map<std::string, ReplayTrace> traces;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream s(line);
    std::string trace, mode, policy;
    uint64_t size, requests, misses, miss_bytes, requested_bytes;
    s >> trace >> mode >> policy >> size >> requests >> misses >> miss_bytes >> requested_bytes;
    if (policy != "lru") continue;
    if (!traces.count(trace)) {
      TraceOpenOptions options;
      if (trace.find(".trace") != std::string::npos) options.format = "cache2k";
      std::string error;
      auto reader = OpenTrace(std::string(CACHELAB_TEST_DATA) + "/" + trace, options, &error);
      REQUIRE(reader);
      REQUIRE(LoadReplayTrace(*reader, false, &traces[trace], &error));
    }
    INFO(line);
    PolicyOptions o;
    o.lruk_k = 1;
    LruKPolicy p(o);
    ReplayResult r = Replay(traces[trace], p, ReplayConfig{size, mode == "obj"});
    CHECK(r.misses == misses);
    if (mode == "byte") CHECK(r.miss_bytes == miss_bytes);
    ++checked;
  }
  CHECK(checked == 66);  // oracleGeneral, vscsi, csv: 5 + 8 each; txt 5; web07 5; web12 5; CDN head 4 + 8
}

TEST_CASE("LFUDA: a hit adds min_freq, min_freq follows evictions (libCacheSim's rules)") {
  LfudaPolicy p;
  // Owner calls as the replay loop makes them; cache of 2 objects.
  p.Insert(0, 'A', 1, 0);
  p.Insert(1, 'B', 1, 0);
  p.Access(0, 0);  // min_freq 0: key stays 1, A moves to the newest end
  CHECK(p.Key(0) == 1);
  CHECK(p.Evict(0) == 1);  // B, the oldest of bucket 1; min_freq becomes 1
  CHECK(p.min_freq() == 1);
  p.Insert(1, 'C', 1, 0);  // key min_freq + 1 = 2
  CHECK(p.Key(1) == 2);
  p.Access(0, 0);  // A: 1 + 1 = 2; bucket 1 empties and min_freq moves to 2
  CHECK(p.Key(0) == 2);
  CHECK(p.min_freq() == 2);
  CHECK(p.Evict(0) == 1);  // C entered bucket 2 before A
  p.Insert(1, 'D', 1, 0);  // key 3
  p.Access(0, 0);          // A: 2 + 2 = 4; bucket 2 empties, min_freq -> 3 (D)
  CHECK(p.Key(0) == 4);
  CHECK(p.min_freq() == 3);
  CHECK(p.Evict(0) == 1);  // D
  CHECK(p.stalled_evictions() == 0);
}

TEST_CASE("LFUDA: where libCacheSim's min_freq points at an empty bucket, the lowest non-empty goes") {
  LfudaPolicy p;  // a cache of one object
  p.Insert(0, 'A', 1, 0);
  CHECK(p.Evict(0) == 0);  // min_freq 1; bucket 1 empty; no hit yet so max_freq 0: min_freq stays 1
  p.Insert(0, 'B', 1, 0);  // key 2
  CHECK(p.Key(0) == 2);
  CHECK(p.Evict(0) == 0);  // cachesim would not finish here
  CHECK(p.stalled_evictions() == 1);
}

TEST_CASE("GDSF: priority L + freq x 1e6 / size, L the last evicted priority") {
  GdsfPolicy p;
  p.OnMiss('A', 5, 0);
  p.Insert(0, 'A', 5, 0);  // 200000
  p.OnMiss('B', 2, 0);
  p.Insert(1, 'B', 2, 0);  // 500000
  p.Access(0, 0);          // A: 2e6 / 5 = 400000
  p.OnMiss('C', 4, 0);
  CHECK(p.Evict(0) == 0);  // A (400000) before B (500000)
  CHECK(p.inflation() == 400000.0);
  p.Insert(0, 'C', 4, 0);  // 400000 + 250000
  p.Access(1, 0);          // B: 400000 + 2e6 / 2 = 1.4e6
  CHECK(p.Evict(0) == 0);  // C (650000)
  CHECK(p.inflation() == 650000.0);
  CHECK(p.Evict(0) == 1);
  CHECK(p.inflation() == 1400000.0);
  // Equal priorities: the least recently requested goes first.
  GdsfPolicy q;
  for (Handle h = 0; h < 3; ++h) {
    q.OnMiss(h, 1, 0);
    q.Insert(h, h, 1, 0);
  }
  CHECK(q.Evict(0) == 0);
  CHECK(q.Evict(0) == 1);
}
