// QD-LP and LIRS on hand-worked traces (both are exact against cachesim on
// real traces: tests/eviction_libcachesim_test.cc); each expectation is worked
// out from the rule stated in the policy's header.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "eviction/policy.h"
#include "eviction/policy_params.h"
#include "eviction_test_util.h"
#include "support/read_trace.h"
#include "support/run_cli.h"

using namespace cachelab::eviction;
using cachelab::eviction::testing::AddNextAccess;
using cachelab::eviction::testing::HitMissString;
using cachelab::eviction::testing::TraceOf;

TEST_CASE("QD-LP: a FIFO hit promotes at eviction, a FIFO miss leaves a ghost that leads into main") {
  // 20 objects: FIFO share 2, main 18, ghost 18 (an object as large as the
  // FIFO share is refused, so 10 objects would cache nothing). A..T fill (all
  // in the FIFO), A hits. U evicts: A (hit once) moves to main, B goes to the
  // ghost. B misses, and its ghost sends it to main after C is evicted to the
  // ghost. A hits in main; C misses. FIFO would evict A at U, keep B, lose A.
  const auto t = TraceOf("A B C D E F G H I J K L M N O P Q R S T A U B A C");
  const std::string fill(20, 'M');
  CHECK(HitMissString(t, "qdlp", 20) == fill + "HMMHM");
  CHECK(HitMissString(t, "fifo", 20) == fill + "HMHMH");
  CHECK(HitMissString(TraceOf("A A"), "qdlp", 10) == "MM");  // share 1: refused
  // move-to-main-threshold=2: one hit is not enough; A goes to the ghost at U,
  // B hits in the FIFO, A's miss evicts B (one hit) to the ghost and enters
  // main, C is still in the FIFO.
  PolicyOptions o;
  std::string error;
  REQUIRE(ApplyPolicyParams("qdlp", "move-to-main-threshold=2", &o, &error));
  CHECK(HitMissString(t, "qdlp", 20, true, o) == fill + "HMHMH");
}

TEST_CASE("QD-LP: refusals and parameters") {
  // Byte mode, 100 bytes: FIFO share 10. A 10-byte object is as large as the
  // FIFO: refused (after room was made); a 9-byte one is cached.
  CHECK(HitMissString(TraceOf("A A B B", {10, 10, 9, 9}), "qdlp", 100, false) == "MMMH");
  PolicyOptions o;
  std::string error;
  CHECK_FALSE(ApplyPolicyParams("qdlp", "main-cache=lru", &o, &error));
  CHECK(error.find("main-cache") != std::string::npos);
  CHECK(ApplyPolicyParams("qdlp", "fifo-size-ratio=0.2,ghost-size-ratio=0.5", &o, &error));
  CHECK(o.qdlp_fifo_ratio == 0.2);
  CHECK(o.qdlp_ghost_ratio == 0.5);
}

TEST_CASE("LIRS: LIR and HIR status by inter-reference recency (3 objects: L 2, H 1)") {
  // A, B become LIR; C a resident HIR (S and Q). D: both shares full, so Q's C
  // leaves (its S entry turns non-resident) and D is a resident HIR. C again:
  // non-resident in S, so the bottom LIR A is demoted to Q (pushing D out) and C
  // becomes LIR. B hits (LIR; pruning drops D's stale entry). D misses with no
  // entry: Q's A leaves. A misses: Q's D leaves. C hits. D (non-resident in S)
  // demotes B to Q, pushing A out, and becomes LIR; C hits, A misses.
  // LRU on the same trace: MMMMHHHMMHHH.
  const auto t = TraceOf("A B C D C B D A C D C A");
  CHECK(HitMissString(t, "lirs", 3) == "MMMMMHMMHMHM");
  CHECK(HitMissString(t, "lru", 3) == "MMMMHHHMMHHH");
  // Objects larger than the HIR share (1% of the cache, at least 1) are never cached.
  CHECK(HitMissString(TraceOf("A A", {2, 2}), "lirs", 100, false) == "MM");
  CHECK(HitMissString(TraceOf("A A", {1, 1}), "lirs", 100, false) == "MH");
}

TEST_CASE("QD-LP parameters from the command line agree with cachesim's -e, and its result-line name") {
  // cachesim (aa0fc409, counting build) cloudPhysicsIO.oracleGeneral.bin oracleGeneral qdlp 0.01,0.1
  //   --ignore-obj-size 1 -e fifo-size-ratio=0.2,ghost-size-ratio=0.5,move-to-main-threshold=2
  //   -> 94457 and 88178 misses (QDLP-0.2000-0.5000-Clock2-2)
  const std::string args = "replay --trace " + cachelab::testing::Data("cloudPhysicsIO.oracleGeneral.bin") +
                           " --size 0.01,0.1 --ignore-obj-size --no-store --policy QDLP --policy-params "
                           "qdlp:fifo-size-ratio=0.2,ghost-size-ratio=0.5,move-to-main-threshold=2";
  auto r = cachelab::testing::RunCli(args + " --json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j[0]["misses"] == 94457);
  CHECK(j[1]["misses"] == 88178);
  auto named = cachelab::testing::RunCli(args + " --output libcachesim");
  CHECK(named.out.find("QDLP-0.2000-0.5000-Clock2-2 cache size") != std::string::npos);
}
