// Cluster runs end to end (RunExperiment): movement on adding a node, the
// hit-ratio dip it causes, per-node accounting, determinism, --partitioner all.
#include <catch2/catch.hpp>

#include "lab/batch.h"
#include "lab/cluster.h"
#include "lab/experiment.h"
#include "strategies/partitioners/partitioner.h"

using namespace cachelab;

namespace {

// 4 nodes, a fifth added at t=10s; 20,000 requests/s for 20 s.
RunReport AddNodeRun(const std::string& partitioner) {
  Params p;
  p.Set("nodes", "4");
  p.Set("partitioner", partitioner);
  p.Set("churn", "t=10s:add");
  p.Set("detect-delay", "0s");
  p.Set("requests", "400000");
  p.Set("keys", "20000");
  p.Set("ttl", "0");
  p.Set("remap-sample", "20000");
  return RunExperiment(p);
}

int64_t Int(const RunReport& r, const std::string& f) { return static_cast<int64_t>(r.GetNumber(f, -1)); }

}  // namespace

TEST_CASE("adding a node remaps ~1/(n+1) with ring and ~n/(n+1) with modulo; modulo's hit-ratio dip is far larger") {
  RunReport ring = AddNodeRun("ring");
  RunReport modulo = AddNodeRun("modulo");
  CHECK(ring.GetNumber("churn.0.ideal") == Approx(0.2));
  // Ring with 100 vnodes: the new node's arc share has sd ~0.018 around 0.2.
  CHECK(ring.GetNumber("churn.0.remapped") == Approx(0.2).margin(0.08));
  CHECK(modulo.GetNumber("churn.0.remapped") == Approx(0.8).margin(0.02));
  double ring_dip = ring.GetNumber("churn.0.hit_ratio_dip");
  double modulo_dip = modulo.GetNumber("churn.0.hit_ratio_dip");
  INFO("ring dip " << ring_dip << ", modulo dip " << modulo_dip);
  CHECK(modulo_dip > 2.5 * ring_dip);
  CHECK(modulo.GetNumber("churn.0.db_spike") > ring.GetNumber("churn.0.db_spike"));
  // recovery_s is -1 when the hit ratio never came back within a point; the
  // field must be there (a missing field would read as 0 through GetNumber).
  for (const RunReport* r : {&ring, &modulo}) {
    REQUIRE(r->Get("churn.0.recovery_s"));
    CHECK(r->GetNumber("churn.0.recovery_s") >= 0);
  }
  // Modulo moves four times the keys: its cache takes longer to refill.
  CHECK(modulo.GetNumber("churn.0.recovery_s") > ring.GetNumber("churn.0.recovery_s"));
}

TEST_CASE("per-node keys, requests and bytes add up to the cluster totals") {
  RunReport r = AddNodeRun("ketama");
  REQUIRE(Int(r, "cluster.nodes") == 5);
  int64_t keys = 0, requests = 0, bytes = 0;
  for (int i = 0; i < 5; ++i) {
    std::string p = "node." + std::to_string(i);
    CHECK(Int(r, p + ".keys") > 0);
    keys += Int(r, p + ".keys");
    requests += Int(r, p + ".requests");
    bytes += Int(r, p + ".bytes");
  }
  CHECK(keys == Int(r, "cluster.total_keys"));
  CHECK(requests == Int(r, "cache_commands"));
  CHECK(bytes == Int(r, "memory_bytes"));
  CHECK(r.GetNumber("cluster.keys.max_over_mean") >= 1.0);
}

TEST_CASE("a cluster run with churn is deterministic") {
  Params p;
  p.Set("nodes", "3");
  p.Set("partitioner", "bounded-load");
  p.Set("churn", "t=2s:crash:1,t=4s:recover:1,t=5s:hotkey:0.2:7,t=6s:remove:0");
  p.Set("requests", "150000");
  p.Set("keys", "5000");
  RunReport a = RunExperiment(p), b = RunExperiment(p);
  REQUIRE(a.fields.size() == b.fields.size());
  for (size_t i = 0; i < a.fields.size(); ++i) {
    if (IsWallClockField(a.fields[i].name)) continue;
    INFO(a.fields[i].name);
    CHECK(a.fields[i].value == b.fields[i].value);
  }
  CHECK(a.events.size() == b.events.size());
  CHECK(a.GetNumber("churn.0.keys_lost") > 0);
  // The event list reads in time order; the clients learn of the crash one
  // --detect-delay (default 1 s) after it, of the planned removal at once.
  std::vector<std::pair<double, std::string>> seen;
  for (const RunEvent& e : a.events)
    if (e.kind != "measurement_start") seen.emplace_back(ToSeconds(e.t), e.kind);
  CHECK(seen == std::vector<std::pair<double, std::string>>{{2, "crash"}, {3, "membership"}, {4, "recover"},
                                                            {5, "membership"}, {5, "hotkey"}, {6, "remove"},
                                                            {6, "membership"}});
  CHECK(a.GetNumber("fallbacks") > 0);  // reads to the crashed node before detection
}

TEST_CASE("--partitioner all expands to one run per partitioner; bad churn is a parameter error") {
  Params p;
  p.Set("nodes", "3");
  p.Set("partitioner", "all");
  CHECK(ExpandComparisons(p).size() == PartitionerNames().size());
  Params bad;
  bad.Set("churn", "t=1s:crash:5");
  CHECK_THROWS_AS(ValidateParams(bad), ParamError);
  bad.Set("churn", "t=1s:crash:0");  // the only node: the client would have none
  CHECK_THROWS_AS(ValidateParams(bad), ParamError);
  bad.Set("churn", "t=1s:explode");
  CHECK_THROWS_AS(ValidateParams(bad), ParamError);
}

namespace {

// ValidateParams' message for these parameters, "" when it accepts them.
std::string Refusal(std::initializer_list<std::pair<const char*, const char*>> kv) {
  Params p;
  for (const auto& [k, v] : kv) p.Set(k, v);
  try {
    ValidateParams(p);
  } catch (const ParamError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the maglev table must exceed the most nodes the client will see") {
  // By hand: 2 nodes and an add make 3 in the view from 1.1s; a table of 3
  // slots cannot hold them (the run used to stop there with exit 1).
  CHECK(Refusal({{"nodes", "2"}, {"partitioner", "maglev"}, {"maglev-table", "3"}}).empty());
  CHECK(Refusal({{"nodes", "2"}, {"partitioner", "maglev"}, {"maglev-table", "3"}, {"churn", "t=100ms:add"}})
            .find("--maglev-table: must exceed the node count; the client sees up to 3 nodes") == 0);
  CHECK(Refusal({{"nodes", "2"}, {"partitioner", "maglev"}, {"maglev-table", "5"}, {"churn", "t=100ms:add"}}).empty());
  // A table size that is no prime names its own flag (it was blamed on --partitioner).
  CHECK(Refusal({{"nodes", "2"}, {"partitioner", "maglev"}, {"maglev-table", "100"}})
            .find("--maglev-table: must be a prime") == 0);
}

TEST_CASE("a hot key must be in the keyspace") {
  // By hand: --keys 1000 has keys 0..999; key 1000 was served as a key no
  // workload request names.
  CHECK(Refusal({{"nodes", "2"}, {"keys", "1000"}, {"churn", "t=1s:hotkey:0.5:999"}}).empty());
  CHECK(Refusal({{"nodes", "2"}, {"keys", "1000"}, {"churn", "t=1s:hotkey:0.5:1000"}})
            .find("--churn: hotkey at 1s: key 1000 is outside the keyspace (keys 0..999)") == 0);
}

TEST_CASE("per-node lists take one value per node id, none past the last node") {
  // By hand: --nodes 2 has ids 0 and 1, each churn add one more id.
  CHECK(Refusal({{"nodes", "2"}, {"node-rtt", "1ms,2ms,3ms"}}).find("--node-rtt: 3 values for 2 nodes") == 0);
  CHECK(Refusal({{"nodes", "2"}, {"node-rtt", "1ms,2ms,3ms"}, {"churn", "t=1s:add"}}).empty());
  CHECK(Refusal({{"nodes", "2"}, {"node-maxmemory", "1MiB,1MiB,1MiB,1MiB"}, {"churn", "t=1s:add"}})
            .find("--node-maxmemory: 4 values for 3 nodes") == 0);
  CHECK(Refusal({{"nodes", "2"}, {"node-maxmemory", "1MiB"}}).empty());
}

TEST_CASE("a run places key id k where `cachelab ring` places \"k:<id>\" (jump: the id)") {
  for (const std::string& name : PartitionerNames()) {
    if (name == "bounded-load") continue;  // placement depends on assignment order
    Simulator sim;
    ClusterConfig config;
    config.nodes = 4;
    config.partitioner = name;
    Cluster c(sim, config, SimRedisConfig{}, 1);
    auto ref = MakePartitioner(name, ParseNodeList("node0:6379,node1:6379,node2:6379,node3:6379"));
    for (uint64_t k = 0; k < 1000; ++k) {
      size_t want = name == "jump" ? ref->Lookup(k) : ref->Lookup("k:" + std::to_string(k));
      INFO(name << " key " << k);
      REQUIRE(c.Place(k) == want);
    }
  }
}

TEST_CASE("pubsub invalidation on several nodes reaches every subscriber, as on one") {
  // Expectation: with no loss and no disconnects every PUBLISH reaches each of
  // the --servers subscribers, whichever node owns the key (before the bus fix
  // only writes to keys on the subscribers' node were heard: ~1/3 on 3 nodes).
  Params p;
  p.Set("nodes", "3");
  p.Set("invalidation", "pubsub");
  p.Set("requests", "50000");
  RunReport r = RunExperiment(p);
  const int64_t published = Int(r, "pubsub_published"), subscribers = Int(r, "pubsub_subscribers");
  REQUIRE(published > 1000);
  CHECK(Int(r, "pubsub_delivered") >= published * subscribers - subscribers * 8);  // a few may still be in flight
  CHECK(Int(r, "pubsub_delivered") <= published * subscribers);
  p.Set("nodes", "1");
  RunReport one = RunExperiment(p);
  INFO("stale read ratio: 3 nodes " << r.GetNumber("stale_read_ratio") << ", 1 node " << one.GetNumber("stale_read_ratio"));
  CHECK(r.GetNumber("stale_read_ratio") < 1.5 * one.GetNumber("stale_read_ratio") + 0.005);
}
