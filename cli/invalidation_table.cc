#include "cli/invalidation_table.h"

namespace cachelab::cli {

std::vector<Column> InvalidationComparisonColumns(std::vector<Column> cols) {
  for (Column c : std::vector<Column>{{"hit ratio", "hit_ratio", 4},
                                      {"stale ratio", "stale_read_ratio", 5},
                                      {"stale p50 ms", "staleness_ms.p50", 1},
                                      {"p99 ms", "staleness_ms.p99", 1},
                                      {"max ms", "staleness_ms.max", 0},
                                      {"db queries", "db_queries"},
                                      {"extra cmd/write", "extra_commands_per_write", 2},
                                      {"extra memory", "extra_memory_bytes"},
                                      {"max exp/s", "max_expirations_per_second"},
                                      {"read p99 us", "read_latency_us.p99", 0}})
    cols.push_back(c);
  return cols;
}

}  // namespace cachelab::cli
