// A cluster of simulated Redis nodes behind client-side partitioning. Two
// views are kept apart on purpose: which nodes are actually up (nodes_), and
// the client's membership (the Partitioner), which learns of an add, crash or
// recovery only --detect-delay later. Requests follow the client's view, so
// after a crash they go to a dead node and time out until the view catches up.
// With one node and no churn the client never consults a partitioner: the
// single-node run is exactly the plain one.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lab/churn.h"
#include "sim/distribution.h"
#include "sim/rng.h"
#include "sim/run_report.h"
#include "sim/sim_redis.h"
#include "strategies/partitioners/bounded_load_partitioner.h"
#include "strategies/partitioners/partitioner.h"

namespace cachelab {

struct ClusterConfig {
  uint32_t nodes = 1;
  std::string partitioner = "ring";
  PartitionerOptions partitioner_options;
  SimTime detect_delay = kSecond;
  std::vector<uint64_t> node_maxmemory;  // by node id; missing entries use the base config
  std::vector<Distribution> node_rtt;
  std::vector<ChurnEvent> churn;
  uint64_t remap_sample = 100000;  // workload keys sampled for the remapped fraction
};

// What one membership change of the client's view moved.
struct MembershipChange {
  SimTime event_t = 0;  // when it happened
  SimTime view_t = -1;  // when the client learned of it; -1: never (the change no longer applied)
  ChurnEvent::Kind kind = ChurnEvent::Kind::kAdd;
  uint32_t node = 0;
  uint64_t keys_lost = 0;            // crash: keys the node held
  double remapped = 0;               // sampled keys whose node changed
  double remapped_weighted = 0;      // the same weighted by request probability
  double ideal = 0;                  // w/(W+w) on add, w/W on removal
};

class Cluster {
 public:
  using KeyWeight = std::function<double(uint64_t key)>;
  using MGetDone = std::function<void(std::vector<RedisReply>&& values)>;  // in key order

  // Throws ParamError for a bad partitioner or churn that names a node that
  // does not exist in that state, or leaves the client with no node.
  Cluster(Simulator& sim, const ClusterConfig& config, const SimRedisConfig& base, uint64_t seed);

  bool single() const { return single_; }
  // Every node, and every node started later, names keys by id this way (RedisStore::SetKeyNaming).
  void SetKeyNaming(const KeyNaming& naming) {
    base_.store.key_naming = naming;
    for (auto& n : nodes_) n->store().SetKeyNaming(naming);
  }
  SimRedis& node(size_t id) { return *nodes_[id]; }
  const SimRedis& node(size_t id) const { return *nodes_[id]; }
  size_t node_count() const { return nodes_.size(); }  // every node ever started
  const Partitioner* partitioner() const { return partitioner_.get(); }
  const std::vector<MembershipChange>& changes() const { return changes_; }

  // The node the client sends `key` to.
  SimRedis& For(uint64_t key) { return single_ ? *nodes_[0] : *nodes_[view_[Place(key)]]; }
  // The partitioner's key for a workload key: "k:<id>" (the cache key, as
  // `cachelab ring` reads it on stdin), or the id itself for jump.
  size_t Place(uint64_t key);

  // One MGET per node owning some of `keys`, sent at once; completes when the
  // slowest node has answered. A failed node's keys come back as its error.
  void MGet(const std::vector<uint64_t>& keys, MGetDone done);

  // Schedules the churn events. `keys` is the keyspace size and `weight` a
  // key's request probability, for the remapped-fraction figures.
  void Start(uint64_t keys, KeyWeight weight);
  // Hot-key skew: may replace a request's key; true when it did.
  bool Redirect(uint64_t* key) {
    if (hot_fraction_ <= 0 || hot_rng_.Uniform() >= hot_fraction_) return false;
    *key = hot_key_;
    return true;
  }

  uint64_t used_memory() const;
  uint64_t keys() const;
  uint64_t evicted_keys() const;
  uint64_t expired_keys() const;
  uint64_t commands() const;

  // --warmup is over: Report counts commands, evictions and expirations from now.
  void StartMeasurement();
  // Cluster fields, events and per-node figures (nothing when single()).
  // Call after the series are exported: the churn impact is read from them.
  // `window` is the series' grid (--window): a last window off the grid is
  // the run's tail.
  void Report(RunReport* r, SimTime window) const;

 private:
  enum class State : uint8_t { kUp, kDown, kRemoved };
  void Validate() const;
  SimRedisConfig NodeConfig(uint32_t id) const;
  uint32_t StartNode();
  void Apply(const ChurnEvent& e);
  // Updates the client's view (add or drop node `id`) and records the movement.
  void ChangeView(size_t change, bool add);
  std::vector<uint32_t> SampleOwners();
  void RebuildView();
  template <typename F>
  uint64_t Sum(F f) const;

  Simulator& sim_;
  ClusterConfig config_;
  SimRedisConfig base_;
  uint64_t seed_;
  bool single_;
  std::vector<std::unique_ptr<SimRedis>> nodes_;
  std::vector<State> state_;
  std::unique_ptr<Partitioner> partitioner_;
  BoundedLoadPartitioner* bounded_ = nullptr;  // assigns keys on first use
  bool jump_ = false;
  std::vector<uint32_t> view_;  // partitioner index -> node id
  std::vector<MembershipChange> changes_;
  size_t applied_ = 0;  // churn events run so far (in config_.churn's order)
  std::vector<uint64_t> sample_;
  std::vector<double> sample_weight_;
  std::vector<uint32_t> sample_owner_;
  double hot_fraction_ = 0;
  uint64_t hot_key_ = 0;
  Rng hot_rng_;
  std::vector<uint64_t> commands_at_start_;  // by node id, when measurement started
  uint64_t evicted_at_start_ = 0, expired_at_start_ = 0;
};

}  // namespace cachelab
