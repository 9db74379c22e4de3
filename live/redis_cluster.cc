#include "live/redis_cluster.h"

#include <stdexcept>

namespace cachelab::live {

RedisCluster::RedisCluster(const std::vector<RedisEndpoint>& endpoints, ClusterOptions options)
    : start_(std::chrono::steady_clock::now()) {
  if (endpoints.empty()) throw std::invalid_argument("no Redis endpoint given");
  std::vector<NodeSpec> nodes;
  for (const auto& ep : endpoints) {
    conns_.push_back(std::make_unique<RedisConn>(ep, options.conn));
    nodes.push_back(NodeSpec{ep.host, static_cast<uint16_t>(ep.port), 1});
  }
  down_.assign(conns_.size(), false);
  if (conns_.size() > 1) partitioner_ = MakePartitioner(options.partitioner, std::move(nodes));
}

double RedisCluster::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

bool RedisCluster::Ready(size_t node) {
  RedisConn& c = *conns_[node];
  bool was_connected = c.connected();
  bool ok = c.EnsureConnected();
  if (ok && !was_connected && down_[node]) {
    down_[node] = false;
    events_.push_back({static_cast<SimTime>(Elapsed() * kSecond), "node-up", c.endpoint().Label()});
  }
  if (!ok) NoteFailure(node);
  return ok;
}

void RedisCluster::NoteFailure(size_t node) {
  if (down_[node]) return;
  down_[node] = true;
  events_.push_back({static_cast<SimTime>(Elapsed() * kSecond), "node-down",
                     conns_[node]->endpoint().Label() + ": " + conns_[node]->last_error()});
}

ConnStats RedisCluster::TotalStats() const {
  ConnStats t;
  for (const auto& c : conns_) {
    const ConnStats& s = c->stats();
    t.connects += s.connects;
    t.failed_connects += s.failed_connects;
    t.disconnects += s.disconnects;
    t.timeouts += s.timeouts;
    t.lost_commands += s.lost_commands;
  }
  return t;
}

std::string RedisCluster::Labels() const {
  std::string out;
  for (const auto& c : conns_) out += (out.empty() ? "" : ",") + c->endpoint().Label();
  return out;
}

void RedisCluster::Report(RunReport* r) const {
  ConnStats s = TotalStats();
  const uint64_t n = conns_.size();
  auto beyond_first = [n](uint64_t connects) { return connects > n ? connects - n : 0; };  // one connect per node is no reconnect
  r->Set("live.nodes", static_cast<int64_t>(n));
  r->Set("live.reconnects", static_cast<int64_t>(beyond_first(s.connects) - beyond_first(baseline_.connects)));
  r->Set("live.failed_connects", static_cast<int64_t>(s.failed_connects - baseline_.failed_connects));
  r->Set("live.disconnects", static_cast<int64_t>(s.disconnects - baseline_.disconnects));
  r->Set("live.timeouts", static_cast<int64_t>(s.timeouts - baseline_.timeouts));
  r->Set("live.lost_commands", static_cast<int64_t>(s.lost_commands - baseline_.lost_commands));
  r->events.insert(r->events.end(), events_.begin(), events_.end());
}

}  // namespace cachelab::live
