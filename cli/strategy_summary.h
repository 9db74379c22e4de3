// Summary rows for write strategies, stampede guards and faults (added to
// the one-run summary table when they have something to say).
#pragma once
#include <string>
#include <vector>

#include "sim/run_report.h"

namespace cachelab::cli {

std::vector<std::vector<std::string>> StrategyRows(const RunReport& r);

}  // namespace cachelab::cli
