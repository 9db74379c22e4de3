// Parameters of the cluster simulation: node count, client-side partitioner,
// per-node limits, and the churn schedule.
#include "lab/cluster_params.h"

#include <stdexcept>

namespace cachelab {

std::vector<ParamDef> ClusterParamDefs() {
  return {
      {"nodes", "1", "cache nodes in the cluster (keys spread by --partitioner)", "cluster"},
      {"partitioner", "ring",
       "client-side partitioner: ring, ketama, jump, rendezvous, maglev, bounded-load, modulo (or a comma list, or all)",
       "cluster"},
      {"vnodes", "100", "ring, bounded-load: virtual nodes per node", "cluster"},
      {"ketama-format", "libmemcached", "ketama node-string family: libmemcached, libketama, spymemcached, "
       "libmemcached-spy", "cluster"},
      {"maglev-table", "65537", "maglev: lookup table size (a prime above the node count)", "cluster"},
      {"bounded-load-epsilon", "0.25", "bounded-load: node capacity is (1+epsilon) x the average load", "cluster"},
      {"churn", "none",
       "membership events, e.g. t=60s:add,t=120s:crash:2,t=150s:recover:2,t=200s:remove:1,t=240s:hotkey:0.3[:key]",
       "cluster"},
      {"detect-delay", "1s", "how long clients take to learn of an added, crashed or recovered node", "cluster"},
      {"node-maxmemory", "same", "per-node maxmemory, comma list by node id (same: --maxmemory for all)", "cluster"},
      {"node-rtt", "same", "per-node round trip, comma list by node id (same: --redis-rtt for all)", "cluster"},
      {"remap-sample", "100000", "workload keys sampled to measure the fraction remapped by a change", "cluster"},
  };
}

ClusterConfig ParseClusterConfig(const Params& p) {
  ClusterConfig c;
  c.nodes = static_cast<uint32_t>(p.UInt("nodes", 1, 10000));
  c.partitioner = p.Choice("partitioner", PartitionerNames());
  c.partitioner_options.vnodes = static_cast<uint32_t>(p.UInt("vnodes", 1, 100000));
  try {
    c.partitioner_options.ketama_format = ParseKetamaFormat(p.Raw("ketama-format"));
  } catch (const std::invalid_argument& e) {
    throw ParamError("ketama-format", e.what());
  }
  c.partitioner_options.maglev_table_size = p.UInt("maglev-table", 2, UINT32_MAX);
  c.partitioner_options.epsilon = p.Real("bounded-load-epsilon", 1e-6, 100);
  c.churn = ParseChurn(p.Raw("churn"));
  c.detect_delay = p.Duration("detect-delay");
  if (p.Raw("node-maxmemory") != "same") {
    for (const std::string& item : p.List("node-maxmemory")) {
      double b;
      if (!ParseBytes(item, &b) || b > static_cast<double>(kMaxBytes))
        throw ParamError("node-maxmemory",
                         "invalid size '" + item + "' (a size up to 1PiB, e.g. 64MiB" + RedisUnitHint(item) + ")");
      c.node_maxmemory.push_back(static_cast<uint64_t>(b));
    }
  }
  if (p.Raw("node-rtt") != "same") {
    for (const std::string& item : p.List("node-rtt")) {
      Distribution d;
      std::string err = Distribution::Parse(item, Distribution::Unit::kDuration, &d);
      if (!err.empty()) throw ParamError("node-rtt", "'" + item + "': " + err);
      c.node_rtt.push_back(d);
    }
  }
  c.remap_sample = p.UInt("remap-sample", 1, 100000000);
  return c;
}

}  // namespace cachelab
