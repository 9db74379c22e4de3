#include "cli/cluster_table.h"

namespace cachelab::cli {

bool IsClusterRun(const RunReport& r) { return r.Get("partitioner") != nullptr; }

std::string ClusterSummary(const RunReport& r) {
  std::vector<std::vector<std::string>> nodes;
  for (int i = 0; r.Get("node." + std::to_string(i) + ".keys"); ++i) {
    std::string p = "node." + std::to_string(i);
    nodes.push_back({"node" + std::to_string(i), FormatValue(r, {"", p + ".state"}), FormatValue(r, {"", p + ".keys"}),
                     FormatValue(r, {"", p + ".requests"}), FormatValue(r, {"", p + ".bytes"})});
  }
  std::string out = "\nnodes (" + FormatValue(r, {"", "partitioner"}) + "; keys max/mean " +
                    FormatValue(r, {"", "cluster.keys.max_over_mean", 3}) + ", requests max/mean " +
                    FormatValue(r, {"", "cluster.requests.max_over_mean", 3}) + ")\n";
  out += FormatTable({"node", "state", "keys", "requests", "bytes"}, nodes);
  std::vector<std::vector<std::string>> events;
  for (int i = 0; r.Get("churn." + std::to_string(i) + ".kind"); ++i) {
    std::string p = "churn." + std::to_string(i);
    events.push_back({FormatValue(r, {"", p + ".t_s", 1}), FormatValue(r, {"", p + ".kind"}),
                      FormatValue(r, {"", p + ".node"}), FormatValue(r, {"", p + ".remapped", 4}),
                      FormatValue(r, {"", p + ".ideal", 4}), FormatValue(r, {"", p + ".hit_ratio_dip", 4}),
                      FormatValue(r, {"", p + ".recovery_s", 1}), FormatValue(r, {"", p + ".db_spike", 2})});
  }
  if (events.empty()) return out;
  out += "\nchurn (remapped: sampled keys that changed node; recovery -1: not within 1 point before the next event)\n";
  return out + FormatTable({"t s", "event", "node", "remapped", "ideal", "hit dip", "recovery s", "db spike x"}, events);
}

std::vector<Column> ClusterComparisonColumns() {
  return {{"partitioner", "partitioner"},
          {"strategy", "strategy"},
          {"hit ratio", "hit_ratio", 4},
          {"p99 us", "latency_us.p99", 0},
          {"db queries", "db_queries"},
          {"keys max/mean", "cluster.keys.max_over_mean", 3},
          {"keys cv", "cluster.keys.cv", 3},
          {"req max/mean", "cluster.requests.max_over_mean", 3},
          {"remapped", "churn_summary.remapped_mean", 4},
          {"ideal", "churn_summary.ideal_mean", 4},
          {"max dip", "churn_summary.max_hit_ratio_dip", 4},
          {"recovery s", "churn_summary.max_recovery_s", 1},
          {"db spike x", "churn_summary.max_db_spike", 2}};
}

}  // namespace cachelab::cli
