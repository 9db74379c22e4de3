#include "lab/cluster.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <tuple>

#include "lab/params.h"
#include "strategies/partitioners/maglev_partitioner.h"
#include "strategies/harness.h"

namespace cachelab {
namespace {

NodeSpec SpecOf(uint32_t id) { return NodeSpec{"node" + std::to_string(id), 6379, 1}; }

bool ViewAddsLater(ChurnEvent::Kind k) { return k != ChurnEvent::Kind::kRemove; }

// CacheKey(key) ("k:<id>") in a stack buffer: no allocation per lookup.
std::string_view CacheKeyView(uint64_t key, char (&buf)[24]) {
  buf[0] = 'k';
  buf[1] = ':';
  auto [end, ec] = std::to_chars(buf + 2, buf + sizeof buf, key);
  return std::string_view(buf, static_cast<size_t>(end - buf));
}

}  // namespace

Cluster::Cluster(Simulator& sim, const ClusterConfig& config, const SimRedisConfig& base, uint64_t seed)
    : sim_(sim),
      config_(config),
      base_(base),
      seed_(seed),
      single_(config.nodes == 1 && config.churn.empty()),
      hot_rng_(seed, "cluster-hotkey") {
  if (config_.nodes == 0) throw ParamError("nodes", "a cluster needs at least one node");
  Validate();
  std::vector<NodeSpec> specs;
  for (uint32_t i = 0; i < config_.nodes; ++i) specs.push_back(SpecOf(StartNode()));
  if (single_) return;
  try {
    partitioner_ = MakePartitioner(config_.partitioner, specs, config_.partitioner_options);
  } catch (const std::invalid_argument& e) {
    throw ParamError("partitioner", e.what());
  }
  bounded_ = dynamic_cast<BoundedLoadPartitioner*>(partitioner_.get());
  jump_ = config_.partitioner == "jump";
  RebuildView();
}

void Cluster::Validate() const {
  // Replays the churn on node states, then on the client's view (which learns
  // of everything but a graceful removal after the detection delay), with the
  // rules of ChangeView and the simulator's order at equal times: events
  // before view changes, each in churn order.
  std::vector<State> state(config_.nodes, State::kUp);
  struct Step {
    SimTime t;
    int view;  // 0: the event (a removal leaves the view with it), 1: its delayed view change
    size_t i;
    uint32_t node;
  };
  std::vector<Step> steps;
  for (size_t i = 0; i < config_.churn.size(); ++i) {
    const ChurnEvent& e = config_.churn[i];
    auto need = [&](bool ok, const std::string& why) {
      if (!ok) throw ParamError("churn", std::string(ChurnKindName(e.kind)) + " at " + FormatDuration(e.t) + ": " + why);
    };
    uint32_t node = e.node;
    switch (e.kind) {
      case ChurnEvent::Kind::kAdd:
        node = static_cast<uint32_t>(state.size());
        state.push_back(State::kUp);
        break;
      case ChurnEvent::Kind::kRemove:
      case ChurnEvent::Kind::kCrash:
        need(e.node < state.size() && state[e.node] == State::kUp, "node " + std::to_string(e.node) + " is not up");
        state[e.node] = e.kind == ChurnEvent::Kind::kCrash ? State::kDown : State::kRemoved;
        break;
      case ChurnEvent::Kind::kRecover:
        need(e.node < state.size() && state[e.node] != State::kUp,
             "node " + std::to_string(e.node) + " is not down or removed");
        state[e.node] = State::kUp;
        break;
      case ChurnEvent::Kind::kHotKey: continue;
    }
    steps.push_back({e.t, 0, i, node});
    if (ViewAddsLater(e.kind)) steps.push_back({e.t + config_.detect_delay, 1, i, node});
  }
  std::sort(steps.begin(), steps.end(),
            [](const Step& a, const Step& b) { return std::tie(a.t, a.view, a.i) < std::tie(b.t, b.view, b.i); });
  std::vector<State> now(state.size(), State::kUp);
  std::vector<bool> in_view(state.size(), false);
  std::fill(in_view.begin(), in_view.begin() + config_.nodes, true);
  int64_t members = config_.nodes, most = members;
  for (const Step& s : steps) {
    const ChurnEvent::Kind kind = config_.churn[s.i].kind;
    const bool add = kind == ChurnEvent::Kind::kAdd || kind == ChurnEvent::Kind::kRecover;
    if (s.view == 0) {
      now[s.node] = add ? State::kUp : kind == ChurnEvent::Kind::kCrash ? State::kDown : State::kRemoved;
      if (kind != ChurnEvent::Kind::kRemove) continue;
    }
    if (add == in_view[s.node] || (add && now[s.node] == State::kRemoved)) continue;  // as ChangeView skips it
    in_view[s.node] = add;
    if ((members += add ? 1 : -1) < 1)
      throw ParamError("churn", "leaves the client with no node at " + FormatDuration(s.t));
    most = std::max(most, members);
  }
  if (config_.partitioner == "maglev")
    if (std::string why = MaglevTableSizeError(config_.partitioner_options.maglev_table_size); !why.empty())
      throw ParamError("maglev-table", why);
  if (config_.partitioner == "maglev" && static_cast<uint64_t>(most) >= config_.partitioner_options.maglev_table_size)
    throw ParamError("maglev-table", "must exceed the node count; the client sees up to " + std::to_string(most) +
                                         " nodes (--nodes and --churn)");
  // One value per node id: --nodes, then each add. A value past the last id would be ignored.
  auto fits = [&](const char* flag, size_t values) {
    if (values > state.size())
      throw ParamError(flag, std::to_string(values) + " values for " + std::to_string(state.size()) +
                                 " nodes (--nodes and --churn adds; one value per node id)");
  };
  fits("node-maxmemory", config_.node_maxmemory.size());
  fits("node-rtt", config_.node_rtt.size());
}

SimRedisConfig Cluster::NodeConfig(uint32_t id) const {
  SimRedisConfig c = base_;
  // Node 0 keeps the base name (and so its random stream): one node is the plain run.
  if (id > 0) c.name = base_.name + "-" + std::to_string(id);
  if (id < config_.node_maxmemory.size()) c.store.maxmemory = config_.node_maxmemory[id];
  if (id < config_.node_rtt.size()) c.rtt = config_.node_rtt[id];
  return c;
}

uint32_t Cluster::StartNode() {
  uint32_t id = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back(std::make_unique<SimRedis>(sim_, NodeConfig(id), seed_));
  state_.push_back(State::kUp);
  return id;
}

size_t Cluster::Place(uint64_t key) {
  if (jump_) return partitioner_->Lookup(key);
  char buf[24];
  std::string_view k = CacheKeyView(key, buf);
  return bounded_ ? bounded_->Assign(k) : partitioner_->Lookup(k);
}

void Cluster::RebuildView() {
  view_.clear();
  for (const NodeSpec& n : partitioner_->Nodes()) view_.push_back(static_cast<uint32_t>(std::stoul(n.host.substr(4))));
}

std::vector<uint32_t> Cluster::SampleOwners() {
  std::vector<uint32_t> owners(sample_.size());
  for (size_t i = 0; i < sample_.size(); ++i) {
    // Lookup, not Place: measuring must not assign keys to bounded-load.
    char buf[24];
    owners[i] = view_[jump_ ? partitioner_->Lookup(sample_[i]) : partitioner_->Lookup(CacheKeyView(sample_[i], buf))];
  }
  return owners;
}

void Cluster::Start(uint64_t keys, KeyWeight weight) {
  if (single_) return;
  // Every key up to remap_sample, else an even stride over the keyspace.
  uint64_t n = std::min(keys, config_.remap_sample);
  for (uint64_t i = 0; i < n; ++i) {
    sample_.push_back(n == keys ? i : i * keys / n);
    sample_weight_.push_back(weight ? weight(sample_.back()) : 1.0);
  }
  // Background: churn after the last request does not keep the run going.
  for (const ChurnEvent& e : config_.churn) sim_.ScheduleAt(e.t, [this, e] { Apply(e); }, /*background=*/true);
}

void Cluster::Apply(const ChurnEvent& e) {
  ++applied_;
  if (e.kind == ChurnEvent::Kind::kHotKey) {
    hot_fraction_ = e.fraction;
    hot_key_ = e.key;
    return;
  }
  MembershipChange c;
  c.event_t = sim_.Now();
  c.kind = e.kind;
  c.node = e.node;
  bool add = e.kind == ChurnEvent::Kind::kAdd || e.kind == ChurnEvent::Kind::kRecover;
  switch (e.kind) {
    case ChurnEvent::Kind::kAdd: c.node = StartNode(); break;
    case ChurnEvent::Kind::kRecover:
      nodes_[c.node]->set_down(false);  // back, empty (its data went with the crash)
      state_[c.node] = State::kUp;
      break;
    case ChurnEvent::Kind::kCrash:
    case ChurnEvent::Kind::kRemove:
      c.keys_lost = nodes_[c.node]->store().size();
      nodes_[c.node]->store().FlushDb();
      if (e.kind == ChurnEvent::Kind::kCrash) nodes_[c.node]->set_down(true);
      state_[c.node] = e.kind == ChurnEvent::Kind::kCrash ? State::kDown : State::kRemoved;
      break;
    case ChurnEvent::Kind::kHotKey: break;
  }
  size_t index = changes_.size();
  changes_.push_back(c);
  if (e.kind == ChurnEvent::Kind::kRemove) ChangeView(index, false);
  else sim_.Schedule(config_.detect_delay, [this, index, add] { ChangeView(index, add); }, /*background=*/true);
}

void Cluster::ChangeView(size_t change, bool add) {
  MembershipChange& c = changes_[change];
  // A graceful removal reaches the view at once, the add or recovery before
  // it only --detect-delay later: the client may be told to drop a node it
  // has not learned of yet, and must never learn of a node already removed.
  // Such a change leaves the view as it is (view_t stays -1, no remapped figure).
  const bool in_view = std::find(view_.begin(), view_.end(), c.node) != view_.end();
  if (add ? in_view || state_[c.node] == State::kRemoved : !in_view) return;
  c.view_t = sim_.Now();
  if (sample_owner_.empty()) sample_owner_ = SampleOwners();
  uint64_t total = 0;
  for (const NodeSpec& n : partitioner_->Nodes()) total += n.weight;
  NodeSpec spec = SpecOf(c.node);
  if (add) {
    partitioner_->AddNode(spec);
    c.ideal = static_cast<double>(spec.weight) / static_cast<double>(total + spec.weight);
  } else {
    auto it = std::find(view_.begin(), view_.end(), c.node);
    partitioner_->RemoveNode(static_cast<size_t>(it - view_.begin()));
    c.ideal = static_cast<double>(spec.weight) / static_cast<double>(total);
  }
  RebuildView();
  std::vector<uint32_t> owners = SampleOwners();
  double moved = 0, moved_w = 0, all_w = 0;
  for (size_t i = 0; i < owners.size(); ++i) {
    bool m = owners[i] != sample_owner_[i];
    moved += m;
    moved_w += m ? sample_weight_[i] : 0;
    all_w += sample_weight_[i];
  }
  c.remapped = owners.empty() ? 0 : moved / static_cast<double>(owners.size());
  c.remapped_weighted = all_w > 0 ? moved_w / all_w : 0;
  sample_owner_ = std::move(owners);
}

void Cluster::MGet(const std::vector<uint64_t>& keys, MGetDone done) {
  // Shared by the per-node replies; the last one to arrive completes the call.
  struct Fanout {
    std::vector<RedisReply> values;
    std::vector<std::vector<size_t>> positions;  // per request: where its values go
    size_t pending = 0;
    MGetDone done;
  };
  auto f = std::make_shared<Fanout>();
  f->values.resize(keys.size());
  f->done = std::move(done);
  std::vector<std::pair<SimRedis*, std::vector<std::string>>> requests;
  for (size_t i = 0; i < keys.size(); ++i) {
    SimRedis* n = &For(keys[i]);
    auto it = std::find_if(requests.begin(), requests.end(), [n](const auto& r) { return r.first == n; });
    if (it == requests.end()) {
      requests.push_back({n, {"MGET"}});
      f->positions.emplace_back();
      it = requests.end() - 1;
    }
    it->second.push_back(CacheKey(keys[i]));
    f->positions[static_cast<size_t>(it - requests.begin())].push_back(i);
  }
  f->pending = requests.size();
  if (requests.empty()) return f->done({});
  for (size_t r = 0; r < requests.size(); ++r) {
    requests[r].first->Command(std::move(requests[r].second), [f, r](RedisReply&& reply) {
      const std::vector<size_t>& pos = f->positions[r];
      for (size_t j = 0; j < pos.size(); ++j)
        f->values[pos[j]] = reply.is_error() ? reply : j < reply.elements.size() ? std::move(reply.elements[j])
                                                                                    : RedisReply::Nil();
      if (--f->pending == 0) f->done(std::move(f->values));
    });
  }
}

template <typename F>
uint64_t Cluster::Sum(F f) const {
  uint64_t s = 0;
  for (const auto& n : nodes_) s += f(*n);
  return s;
}

uint64_t Cluster::used_memory() const { return Sum([](const SimRedis& n) { return n.store().used_memory(); }); }
uint64_t Cluster::keys() const { return Sum([](const SimRedis& n) { return n.store().size(); }); }
uint64_t Cluster::evicted_keys() const { return Sum([](const SimRedis& n) { return n.store().stats().evicted_keys; }); }
uint64_t Cluster::expired_keys() const { return Sum([](const SimRedis& n) { return n.store().stats().expired_keys; }); }
uint64_t Cluster::commands() const { return Sum([](const SimRedis& n) { return n.commands(); }); }

}  // namespace cachelab
