// CAR, MQ and CLOCK-Pro: libCacheSim has none of them, so each is checked on a
// trace worked by hand from its paper's pseudocode (the derivation is written
// beside the expectation) and on properties over real traces.
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <set>
#include <string>

#include "eviction/car.h"
#include "eviction/clockpro.h"
#include "eviction/policy_params.h"
#include "eviction/replay.h"
#include "eviction_test_util.h"
#include "support/cachesim_table.h"

using namespace cachelab;
using namespace cachelab::eviction;
using namespace cachelab::eviction::testing;

namespace {

const ReplayTrace& CloudPhysics() { return cachelab::testing::LoadTestTrace("cloudPhysicsIO.oracleGeneral.bin"); }

// Policy P after replaying the first n requests of a hand-worked trace (object mode).
template <class P>
std::unique_ptr<P> AfterPrefix(const std::string& trace, size_t n, uint64_t cap) {
  ReplayTrace t = TraceOf(trace);
  t.ids.resize(n);
  t.sizes.resize(n);
  PolicyOptions o;
  o.capacity = cap;
  auto p = std::make_unique<P>(o);
  Replay(t, *p, ReplayConfig{cap, true});
  return p;
}

uint64_t Misses(const ReplayTrace& t, const std::string& policy, uint64_t cap, bool object_mode = true) {
  PolicyOptions o;
  o.capacity = cap;
  auto p = MakePolicy(policy, o, nullptr);
  REQUIRE(p);
  return Replay(t, *p, ReplayConfig{cap, object_mode}).misses;
}

// hot x 4 rounds, then a one-time scan of `scan` ids, then hot again: the
// misses on the last round of the hot set.
uint64_t HotMissesAfterScan(const std::string& policy, int hot, int scan, uint64_t cap) {
  std::string t;
  for (int r = 0; r < 4; ++r)
    for (int i = 0; i < hot; ++i) t += " h" + std::to_string(i);
  for (int i = 0; i < scan; ++i) t += " s" + std::to_string(i);
  const ReplayTrace before = TraceOf(t);
  for (int i = 0; i < hot; ++i) t += " h" + std::to_string(i);
  return Misses(TraceOf(t), policy, cap) - Misses(before, policy, cap);
}

}  // namespace

TEST_CASE("CAR follows Bansal & Modha's Fig. 2 on a hand-worked trace") {
  // c = 2. Lists oldest (the hand) first; (1) marks a set reference bit.
  //  1 a  miss: T1 [a]                     2 b  miss: T1 [a b]
  //  3 a  hit: a(1)
  //  4 c  miss, full: replace: |T1|=2 >= max(1,p=0): a(1) -> T2 [a]; b -> B1 [b].
  //       directory: |T1|+|B1| = 1, total 2: nothing. T1 [c]
  //  5 b  miss in B1: replace: c -> B1 [c b] (MRU first). p = 0 + max(1, 0/2) = 1. T2 [a b], B1 [c]
  //  6 c  miss in B1: replace: |T1|=0 < 1: a -> B2 [a]. p = min(1 + max(1, 1/1), 2) = 2. T2 [b c]
  //  7 a  miss in B2: replace: b -> B2 [b a]. p = max(2 - max(1, 0/2), 0) = 1. T2 [c a], B2 [b]
  //  8 d  miss: replace: |T1|=0 < 1: c -> B2 [c b]. directory: |T1|+|B1| = 0, total 3. T1 [d]
  //  9 a  hit: a(1)
  // 10 e  miss: replace: |T1|=1 >= 1: d -> B1 [d]. directory: |T1|+|B1| = 1; total 0+1+1+2 = 4 = 2c:
  //       drop B2's LRU b -> B2 [c]. T1 [e]
  // 11 f  miss: e -> B1 [e d]; |T1|+|B1| = 2 = c: drop d -> B1 [e]. T1 [f]
  // 12 c  miss in B2: f -> B1 [f e]. p = max(1 - max(1, 2/1), 0) = 0. T2 [a(1) c], B2 []
  // 13 g  miss: |T1|=0 < max(1,0): T2's hand a(1) -> T2 tail [c a]; c -> B2 [c]. |T1|+|B1| = 2: drop e.
  //       T1 [g], B1 [f]
  // 14 a  hit: a(1)
  // 15 b  miss (b left B2 at step 10): g -> B1 [g f]; |T1|+|B1| = 2: drop f. T1 [b], B1 [g]
  // 16 g  miss in B1: b -> B1 [b g]; p = 0 + max(1, 1/2) = 1. T2 [a(1) g], B1 [b]
  // 17 a  hit   18 g  hit
  const std::string trace = "a b a c b c a d a e f c g a b g a g";
  CHECK(HitMissString(TraceOf(trace), "car", 2) == "MMHMMMMMHMMMMHMMHH");
  auto p_after = [&](size_t n) { return AfterPrefix<CarPolicy>(trace, n, 2)->p(); };
  CHECK(p_after(4) == 0);
  CHECK(p_after(5) == 1);
  CHECK(p_after(6) == 2);
  CHECK(p_after(7) == 1);
  CHECK(p_after(12) == 0);
  CHECK(p_after(16) == 1);
}

TEST_CASE("CAR is registered under any case") {
  PolicyOptions o;
  o.capacity = 4;
  for (const char* n : {"car", "CAR", "Car"}) {
    auto p = MakePolicy(n, o, nullptr);
    REQUIRE(p);
    CHECK(p->Name() == "car");
  }
}

TEST_CASE("CAR stays within 2% of ARC's misses on cloudPhysicsIO (the paper: CAR ~ ARC)") {
  // Bansal & Modha report CAR's hit ratios within a few tenths of a percent
  // of ARC's on their traces; 2% of misses is the bound asserted here, at
  // every cachesim size fraction of the 48,974-object working set.
  const ReplayTrace& t = CloudPhysics();
  for (uint64_t cap : {48u, 489u, 1469u, 4897u, 14692u}) {
    const double car = static_cast<double>(Misses(t, "car", cap));
    const double arc = static_cast<double>(Misses(t, "arc", cap));
    INFO("objects " << cap << ": car " << car << " arc " << arc);
    CHECK(std::abs(car - arc) / arc < 0.02);
  }
  // Byte mode: 1% and 10% of the working set's bytes.
  for (uint64_t cap : {20297697ull, 202976972ull}) {
    const double car = static_cast<double>(Misses(t, "car", cap, false));
    const double arc = static_cast<double>(Misses(t, "arc", cap, false));
    INFO("bytes " << cap << ": car " << car << " arc " << arc);
    CHECK(std::abs(car - arc) / arc < 0.02);
  }
}

TEST_CASE("CAR is scan-resistant: a one-time scan does not flush a hot set") {
  // 60 hot ids seen 4 times in a cache of 100, then a 1,000-id scan: the hot
  // ids sit in T2 and the scan churns T1 only (p stays small: no ghost hits).
  CHECK(HotMissesAfterScan("car", 60, 1000, 100) == 0);
  CHECK(HotMissesAfterScan("arc", 60, 1000, 100) == 0);
  CHECK(HotMissesAfterScan("lru", 60, 1000, 100) == 60);  // LRU loses every one
  CHECK(HotMissesAfterScan("clock", 60, 1000, 100) == 60);
}

TEST_CASE("MQ follows Zhou et al.'s Fig. 6 on a hand-worked trace") {
  // c = 2, m = 2 queues (Q0: f = 1, Q1: f >= 2), Qout holds 2 ids, lifeTime 3.
  // Queues LRU first; e = expireTime; Qout oldest first with its f.
  //  t1 a  miss: f 1, Q0 [a] e4       t2 a  hit: f 2 -> Q1 [a] e5
  //  t3 b  miss: Q0 [b] e6            t4 c  miss: evict Q0's b -> Qout [b1]; Q0 [c]
  //  t5 b  miss: evict c -> Qout [b1 c1]; b back from Qout with f 1+1 = 2 -> Q1 [a b] e8; Qout [c1]
  //  t6 d  miss: Q0 empty, evict Q1's LRU a -> Qout [c1 a2]; Q0 [d] e9
  //  t7 a  miss: evict d; Qout full, drop c -> [a2 d1]; a back with f 3 -> Q1 [b a] e10; Qout [d1]
  //  t8 e  miss: evict Q1's b -> Qout [d1 b2]; Q0 [e]
  //  t9 f, t10 g: each evicts Q0's only object (Qout keeps the last 2)
  //  t11 h  miss: evict g; Q0 [h]. Adjust: Q1's LRU a has e10 < 11: down to Q0 [h a], e14
  //  t12 i  miss: evict h; Q0 [a i]     t13 j  miss: evict a (Qout [h a3]); Q0 [i j]
  //  t14 a  miss: evict i; Qout drops h; a back with f 4 -> Q1        t15 a  hit
  // With lifeTime 100 nothing is demoted: t11-t13 churn Q0 and a hits at t14.
  const auto t = TraceOf("a a b c b d a e f g h i j a a");
  PolicyOptions o;
  std::string error;
  REQUIRE(ApplyPolicyParams("mq", "num-queues=2,lifetime=3,out-size-ratio=1", &o, &error));
  CHECK(HitMissString(t, "mq", 2, true, o) == "MHMMMMMMMMMMMMH");
  REQUIRE(ApplyPolicyParams("mq", "LIFETIME=100", &o, &error));
  CHECK(HitMissString(t, "mq", 2, true, o) == "MHMMMMMMMMMMMHH");
  // Without Qout's memory b re-enters Q0 at t5, d evicts it at t6 and a hits at t7.
  REQUIRE(ApplyPolicyParams("mq", "out-size-ratio=0", &o, &error));
  CHECK(HitMissString(t, "MQ", 2, true, o).substr(0, 7) == "MHMMMMH");
}

TEST_CASE("MQ parameters are checked") {
  PolicyOptions o;
  std::string error;
  CHECK_FALSE(ApplyPolicyParams("mq", "num-queues=0", &o, &error));
  CHECK(error.find("num-queues") != std::string::npos);
  CHECK_FALSE(ApplyPolicyParams("mq", "lifetime=-1", &o, &error));
  CHECK_FALSE(ApplyPolicyParams("mq", "out-size-ratio=x", &o, &error));
  CHECK_FALSE(ApplyPolicyParams("mq", "queues=4", &o, &error));
}

TEST_CASE("MQ keeps a frequent set through a scan shorter than lifeTime; a long one ages it out") {
  // Defaults: lifeTime = the 100 cached objects. The hot ids (f = 4, in Q2)
  // outlive a 100-id scan, which churns Q0; LRU loses all 60. A 1,000-id scan
  // lasts two lifeTimes: Adjust() walks them down to Q0 and the scan evicts
  // them, as the paper intends (frequency must be recent).
  CHECK(HotMissesAfterScan("mq", 60, 100, 100) == 0);
  CHECK(HotMissesAfterScan("lru", 60, 100, 100) == 60);
  CHECK(HotMissesAfterScan("mq", 60, 1000, 100) == 60);
}

TEST_CASE("CLOCK-Pro follows the paper's hands on a hand-worked trace") {
  // m = 3: m_c's floor is 1 (1%, at least 1), its ceiling 3 - 1 = 2; m_c starts at 1.
  // The clock is written from HAND_hot on; new pages go last (the head, just behind it).
  // While the cache first fills, pages enter hot up to m - m_c = 2 (the authors' clock-pro.c).
  //  t1-2 a b miss: hot                  t3 c miss: cold in test   [a H, b H, c Ct]
  //  t4 a hit: a r
  //  t5 d miss: HAND_cold skips a, b (hot); c (no r) -> evicted, kept non-resident.
  //     d enters cold:                                              [a Hr, b H, c Nt, d Ct]
  //  t6 b hit, t7 a hit: b r, a r
  //  t8 e miss: HAND_cold at d (no r) -> evicted, non-resident. e enters cold.
  //                                                                 [a Hr, b Hr, c Nt, d Nt, e Ct]
  //  t9 d miss, non-resident in test: m_c 2, d's entry dropped. HAND_cold evicts e
  //     (non-resident). d enters hot: hot 3 > m - m_c = 1, HAND_hot runs: a, b (r) cleared;
  //     c's and e's tests end unreferenced (m_c back to 1, entries dropped); d (no r) turns
  //     cold: hot 2 = m - m_c.                                     [a H, b H, d C]
  //  t10 b hit, t11 a hit (LRU lost both), t12 d hit: all r
  //  t13 f miss: HAND_cold at d (r, no test) -> a new test period, to the head; skips a, b;
  //     evicts d (non-resident). f enters cold.                    [a Hr, b Hr, d Nt, f Ct]
  //  t14 b hit
  const std::string trace = "a b c a d b a e d b a d f b";
  CHECK(HitMissString(TraceOf(trace), "clockpro", 3) == "MMMHMHHMMHHHMH");
  CHECK(HitMissString(TraceOf(trace), "lru", 3) == "MMMHMMHMMMMHMM");  // LRU misses b at t10, a at t11
  auto after = [&](size_t n) { return AfterPrefix<ClockProPolicy>(trace, n, 3); };
  CHECK(after(3)->Describe() == "H H Ct");
  CHECK(after(5)->Describe() == "Hr H Nt Ct");
  CHECK(after(5)->cold_target() == 1);
  CHECK(after(8)->Describe() == "Hr Hr Nt Nt Ct");
  CHECK(after(9)->Describe() == "H H C");
  CHECK(after(9)->cold_target() == 1);
  CHECK(after(12)->Describe() == "Hr Hr Cr");
  CHECK(after(13)->Describe() == "Hr Hr Nt Ct");
}

TEST_CASE("CLOCK-Pro near the authors' clock-pro.c on the LIRS authors' traces") {
  // Misses of the authors' clock-pro.c (Song Jiang, 2005; the copy in Caffeine's repository,
  // ccef95542, simulator/src/main/resources/.../parser/lirs/), built with gcc -O2 (its
  // hard-coded trace name read from the environment instead) and run on the same traces
  // with "*" and blank lines removed. Not exact: that copy runs a fixed 5% cold allocation
  // (ADAPTIVE_COLD_ALLOC is off), where cachelab's adapts as the paper describes, and it
  // counts a reference repeating the previous one as a hit without setting its bit. Within
  // 4% here; on loop at 1,000 cachelab misses 11,490 against its 31,450 (the adaptive
  // allocation keeps more of the loop hot), so that point is left out.
  struct Point {
    const char* trace;
    uint64_t cap, theirs;
  };
  for (Point p : {Point{"lirs_cs.trace.gz", 100, 6336}, Point{"lirs_cs.trace.gz", 500, 4873},
                  Point{"lirs_cs.trace.gz", 1000, 2903}, Point{"lirs_loop.trace.gz", 500, 268475},
                  Point{"lirs_multi1.trace.gz", 100, 9003}, Point{"lirs_multi1.trace.gz", 500, 7049},
                  Point{"lirs_multi1.trace.gz", 1000, 5151}, Point{"lirs_multi1.trace.gz", 2000, 2648}}) {
    const ReplayTrace& t = cachelab::testing::LoadTestTrace(p.trace);
    const double ours = static_cast<double>(Misses(t, "clockpro", p.cap));
    INFO(p.trace << " at " << p.cap << ": cachelab " << ours << ", clock-pro.c " << p.theirs << ", lru "
                 << Misses(t, "lru", p.cap));
    CHECK(std::abs(ours - static_cast<double>(p.theirs)) / static_cast<double>(p.theirs) < 0.04);
  }
}

TEST_CASE("LIRS near the authors' lirs.c on their traces; exact on loop and at multi1 2,000") {
  // Misses of the authors' lirs.c (the copy in Caffeine's repository beside clock-pro.c, built
  // the same way; its hard-coded cache size of 10 read from the environment instead). cachelab's
  // LIRS is libCacheSim's (stack S bounded at 2x the cache, exact against cachesim); lirs.c
  // bounds S at 2,500x and counts a reference repeating the previous one as a hit without
  // touching the stacks. Equal where neither matters, within 3% elsewhere.
  struct Point {
    const char* trace;
    uint64_t cap, theirs;
    bool exact;
  };
  for (Point p : {Point{"lirs_cs.trace.gz", 100, 6300, false}, Point{"lirs_cs.trace.gz", 500, 4717, false},
                  Point{"lirs_cs.trace.gz", 1000, 2744, false}, Point{"lirs_loop.trace.gz", 500, 258495, true},
                  Point{"lirs_loop.trace.gz", 1000, 11490, true}, Point{"lirs_multi1.trace.gz", 100, 8841, false},
                  Point{"lirs_multi1.trace.gz", 500, 7033, false}, Point{"lirs_multi1.trace.gz", 1000, 5011, false},
                  Point{"lirs_multi1.trace.gz", 2000, 2631, true}}) {
    const ReplayTrace& t = cachelab::testing::LoadTestTrace(p.trace);
    const uint64_t ours = Misses(t, "lirs", p.cap);
    INFO(p.trace << " at " << p.cap << ": cachelab " << ours << ", lirs.c " << p.theirs);
    if (p.exact) CHECK(ours == p.theirs);
    CHECK(std::abs(static_cast<double>(ours) - static_cast<double>(p.theirs)) / static_cast<double>(p.theirs) < 0.03);
  }
}

TEST_CASE("CLOCK-Pro: names, parameter, scan resistance, and against CLOCK and ARC on cloudPhysicsIO") {
  PolicyOptions o;
  o.capacity = 10;
  CHECK(MakePolicy("CLOCK-Pro", o, nullptr)->Name() == "clockpro");
  CHECK(MakePolicy("ClockPro", o, nullptr)->Name() == "clockpro");
  std::string error;
  CHECK(ApplyPolicyParams("clockpro", "min-cold-ratio=0.1", &o, &error));
  CHECK(o.clockpro_min_cold_ratio == 0.1);
  CHECK_FALSE(ApplyPolicyParams("clockpro", "min-cold-ratio=0.5", &o, &error));
  // A scan only cycles cold pages: a hot set of 40 or 60 in a cache of 100
  // (hot from the start: the cache fills with hot pages up to m - m_c = 99)
  // survives a 1,000-id scan whole; LRU loses all of it.
  CHECK(HotMissesAfterScan("clockpro", 40, 1000, 100) == 0);
  CHECK(HotMissesAfterScan("lru", 40, 1000, 100) == 40);
  CHECK(HotMissesAfterScan("clockpro", 60, 1000, 100) == 0);
  CHECK(HotMissesAfterScan("lru", 60, 1000, 100) == 60);
  // On cloudPhysicsIO CLOCK-Pro, an approximation of LIRS, does at least as well
  // as CLOCK at every cachesim size fraction, and stays within 5% of ARC's misses.
  const ReplayTrace& t = CloudPhysics();
  for (uint64_t cap : {489u, 1469u, 4897u, 14692u}) {
    const double pro = static_cast<double>(Misses(t, "clockpro", cap));
    const double clock = static_cast<double>(Misses(t, "clock", cap));
    const double arc = static_cast<double>(Misses(t, "arc", cap));
    INFO("objects " << cap << ": clockpro " << pro << " clock " << clock << " arc " << arc);
    CHECK(pro <= clock);
    CHECK(std::abs(pro - arc) / arc < 0.05);
  }
}

TEST_CASE("the new policies on random traces: analytic bounds that any policy must meet") {
  // Seeded random traces (ids 0..199, Zipf-ish by squaring a uniform draw;
  // sizes 1..5000 in byte mode). With one object slot a request hits exactly
  // when it repeats the previous id; with room for everything only first
  // requests miss; in between, misses never go below the distinct ids and the
  // same seed replays identically.
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  for (int round = 0; round < 20; ++round) {
    ReplayTrace t;
    for (int i = 0; i < 3000; ++i) {
      const double u = static_cast<double>(next() % 10000) / 10000.0;
      t.ids.push_back(static_cast<uint64_t>(u * u * 200));
      t.sizes.push_back(static_cast<uint32_t>(1 + next() % 5000));
    }
    uint64_t repeats = 0, distinct = 0, total_bytes = 0;
    std::set<uint64_t> seen;
    for (size_t i = 0; i < t.size(); ++i) {
      if (i > 0 && t.ids[i] == t.ids[i - 1]) ++repeats;
      if (seen.insert(t.ids[i]).second) {
        ++distinct;
        total_bytes += t.sizes[i];
      }
    }
    for (const char* policy : {"car", "mq", "clockpro", "hyperbolic", "lecar", "lhd"}) {
      INFO(policy << " round " << round);
      CHECK(Misses(t, policy, 1) == t.size() - repeats);
      CHECK(Misses(t, policy, distinct) == distinct);
      CHECK(Misses(t, policy, total_bytes, false) == distinct);
      for (uint64_t cap : {7u, 50u}) {
        const uint64_t m = Misses(t, policy, cap);
        CHECK(m >= distinct);
        CHECK(m == Misses(t, policy, cap));
      }
      for (uint64_t cap : {6000u, 60000u, 200000u}) {
        const uint64_t m = Misses(t, policy, cap, false);
        CHECK(m >= distinct);
        CHECK(m <= t.size());
      }
    }
  }
}
