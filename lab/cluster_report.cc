// Cluster::Report: per-node figures, balance over the final membership, and
// one record per churn event (movement, hit-ratio dip, database spike).
#include <algorithm>
#include <cstdio>
#include <optional>

#include "lab/churn_impact.h"
#include "lab/cluster.h"
#include "strategies/partitioners/balance.h"

namespace cachelab {
namespace {

const Series* FindSeries(const RunReport& r, const std::string& name) {
  for (const Series& s : r.series)
    if (s.name == name) return &s;
  return nullptr;
}

void SetBalance(RunReport* r, const std::string& prefix, const std::vector<uint64_t>& per_node) {
  BalanceStats b = ComputeBalance(per_node);
  r->Set(prefix + ".mean", b.mean);
  r->Set(prefix + ".max", static_cast<int64_t>(b.max));
  r->Set(prefix + ".max_over_mean", b.max_over_mean);
  r->Set(prefix + ".cv", b.cv);
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

}  // namespace

void Cluster::StartMeasurement() {
  commands_at_start_.clear();
  for (const auto& n : nodes_) commands_at_start_.push_back(n->commands());
  evicted_at_start_ = evicted_keys();
  expired_at_start_ = expired_keys();
}

void Cluster::Report(RunReport* r, SimTime window) const {
  if (single_) return;
  // Totals over every node (a single node's fields stay as the runner set them).
  auto commands_of = [this](size_t id) {  // since measurement started
    return nodes_[id]->commands() - (id < commands_at_start_.size() ? commands_at_start_[id] : 0);
  };
  uint64_t commands = 0;
  for (size_t id = 0; id < nodes_.size(); ++id) commands += commands_of(id);
  r->Set("evictions", static_cast<int64_t>(evicted_keys() - evicted_at_start_));
  r->Set("expirations", static_cast<int64_t>(expired_keys() - expired_at_start_));
  r->Set("cache_commands", static_cast<int64_t>(commands));
  r->Set("memory_bytes", static_cast<int64_t>(used_memory()));
  r->Set("partitioner", config_.partitioner);
  r->Set("cluster.nodes", static_cast<int64_t>(view_.size()));
  r->Set("cluster.nodes_started", static_cast<int64_t>(nodes_.size()));
  r->Set("cluster.total_keys", static_cast<int64_t>(keys()));

  static const char* kState[] = {"up", "down", "removed"};
  std::vector<uint64_t> keys, requests, bytes;  // nodes in the client's final view
  for (size_t id = 0; id < nodes_.size(); ++id) {
    const SimRedis& n = *nodes_[id];
    std::string p = "node." + std::to_string(id);
    r->Set(p + ".state", std::string(kState[static_cast<int>(state_[id])]));
    r->Set(p + ".keys", static_cast<int64_t>(n.store().size()));
    r->Set(p + ".requests", static_cast<int64_t>(commands_of(id)));
    r->Set(p + ".bytes", static_cast<int64_t>(n.store().used_memory()));
  }
  for (uint32_t id : view_) {
    keys.push_back(nodes_[id]->store().size());
    requests.push_back(commands_of(id));
    bytes.push_back(nodes_[id]->store().used_memory());
  }
  SetBalance(r, "cluster.keys", keys);
  SetBalance(r, "cluster.requests", requests);
  SetBalance(r, "cluster.bytes", bytes);

  const Series* hit = FindSeries(*r, "hit_ratio");
  const Series* db = FindSeries(*r, "db_queries_per_s");
  SimTime end = sim_.Now();
  // A last window shorter than the grid (the run's tail: the last requests'
  // completions, mostly slow misses) is too thin to judge a dip by.
  if (hit && !hit->t.empty() && window > 0 && hit->t.back() % window != 0) end = hit->t.back() - hit->t.back() % window;
  double max_dip = 0, max_recovery = 0, max_spike = 0, remapped_sum = 0, ideal_sum = 0;
  int views = 0;
  size_t change = 0;
  for (size_t i = 0; i < config_.churn.size(); ++i) {
    const ChurnEvent& e = config_.churn[i];
    // Only events that ran: one at the run's last instant may still be queued
    // (churn is background work, and the run stops when only that is left).
    if (i >= applied_) break;
    std::string p = "churn." + std::to_string(i);
    r->Set(p + ".t_s", ToSeconds(e.t));
    r->Set(p + ".kind", std::string(ChurnKindName(e.kind)));
    std::string detail;
    std::optional<RunEvent> view_event;
    if (e.kind == ChurnEvent::Kind::kHotKey) {
      detail = Fixed(e.fraction) + " of requests to key " + std::to_string(e.key);
    } else {
      const MembershipChange& c = changes_[change++];
      r->Set(p + ".node", static_cast<int64_t>(c.node));
      detail = "node" + std::to_string(c.node);
      if (e.kind == ChurnEvent::Kind::kCrash || e.kind == ChurnEvent::Kind::kRemove) {
        r->Set(p + ".keys_lost", static_cast<int64_t>(c.keys_lost));
        detail += ", " + std::to_string(c.keys_lost) + " keys lost";
      }
      if (c.view_t >= 0) {
        r->Set(p + ".view_t_s", ToSeconds(c.view_t));
        r->Set(p + ".remapped", c.remapped);
        r->Set(p + ".remapped_weighted", c.remapped_weighted);
        r->Set(p + ".ideal", c.ideal);
        view_event = RunEvent{c.view_t, "membership",
                             "clients see " + std::string(ChurnKindName(e.kind)) + " node" + std::to_string(c.node) +
                                 (c.view_t > e.t ? " (--detect-delay later)" : "") + ": remapped " +
                                 Fixed(c.remapped) + " (ideal " + Fixed(c.ideal) + ")"};
        remapped_sum += c.remapped;
        ideal_sum += c.ideal;
        ++views;
      }
    }
    r->events.push_back({e.t, ChurnKindName(e.kind), detail});
    if (view_event) r->events.push_back(*view_event);
    if (!hit || !db) continue;
    SimTime until = std::min(i + 1 < config_.churn.size() ? config_.churn[i + 1].t : end, end);
    ChurnImpact m = MeasureImpact(*hit, *db, e.t, until);
    r->Set(p + ".hit_ratio_before", m.hit_ratio_before);
    r->Set(p + ".hit_ratio_min", m.hit_ratio_min);
    r->Set(p + ".hit_ratio_dip", m.dip);
    r->Set(p + ".recovery_s", m.recovery_s);
    r->Set(p + ".db_qps_before", m.db_qps_before);
    r->Set(p + ".db_qps_peak", m.db_qps_peak);
    r->Set(p + ".db_spike", m.db_spike);
    max_dip = std::max(max_dip, m.dip);
    max_recovery = m.recovery_s < 0 || max_recovery < 0 ? -1 : std::max(max_recovery, m.recovery_s);
    max_spike = std::max(max_spike, m.db_spike);
  }
  // A view change lands --detect-delay after its cause, maybe after later
  // churn: the list reads in time order, each change after its cause.
  std::stable_sort(r->events.begin(), r->events.end(),
                   [](const RunEvent& a, const RunEvent& b) { return a.t < b.t; });
  if (config_.churn.empty()) return;
  r->Set("churn_summary.remapped_mean", views ? remapped_sum / views : 0.0);
  r->Set("churn_summary.ideal_mean", views ? ideal_sum / views : 0.0);
  r->Set("churn_summary.max_hit_ratio_dip", max_dip);
  r->Set("churn_summary.max_recovery_s", max_recovery);
  r->Set("churn_summary.max_db_spike", max_spike);
}

}  // namespace cachelab
