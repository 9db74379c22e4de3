// Version keys on a simulated cluster (issue 14, "version-keys scheme works on
// multi-node runs"). Before the fix, a multi-node run sent strategies straight
// to the nodes, past the scheme's router: nothing was renamed, the INCR on a
// write invalidated nothing, and the run measured ttl-only (stale-read ratio
// 0.819 at 3 nodes, exactly ttl-only's, against 0.088 at one node; cachelab
// run --requests 50000 --keys 2000 --read-fraction 0.8). Expectation: 3 nodes
// behave like 1 node (same workload and seed), far from ttl-only.
#include <catch2/catch.hpp>
#include <cmath>

#include "lab/experiment.h"

using namespace cachelab;

namespace {

RunReport Run(const char* nodes, const char* scheme) {
  Params p;
  for (auto [k, v] : {std::pair{"requests", "50000"}, {"keys", "2000"}, {"read-fraction", "0.8"}}) p.Set(k, v);
  p.Set("nodes", nodes);
  p.Set("invalidation", scheme);
  return RunExperiment(p);
}

}  // namespace

TEST_CASE("version keys rename on every node of a simulated cluster", "[invalidation][cluster]") {
  RunReport one = Run("1", "version"), three = Run("3", "version"), ttl_only = Run("3", "ttl-only");
  double s1 = one.GetNumber("stale_read_ratio"), s3 = three.GetNumber("stale_read_ratio");
  double s_ttl = ttl_only.GetNumber("stale_read_ratio");
  INFO("stale-read ratio: version 1 node " << s1 << ", 3 nodes " << s3 << "; ttl-only 3 nodes " << s_ttl);
  CHECK(s_ttl > 0.5);                 // the workload does make stale reads without invalidation
  CHECK(std::abs(s3 - s1) < 0.03);    // the scheme works the same on a cluster
  CHECK(three.GetNumber("orphaned_versions_total") > 1000);  // fills went to versioned names
  CHECK(three.GetNumber("hit_ratio") < ttl_only.GetNumber("hit_ratio") - 0.1);  // writes do invalidate
}
