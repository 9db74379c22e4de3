// Terminal tables for cluster runs (--nodes > 1 or --churn): per-node load,
// the churn events' impact, and the columns of a partitioner comparison.
#pragma once
#include <string>
#include <vector>

#include "cli/summary_table.h"
#include "sim/run_report.h"

namespace cachelab::cli {

bool IsClusterRun(const RunReport& r);
// Nodes (keys, requests, bytes, state) and churn events, after RunSummary.
std::string ClusterSummary(const RunReport& r);
std::vector<Column> ClusterComparisonColumns();

}  // namespace cachelab::cli
