// Comparison columns for runs that differ in their invalidation scheme
// (`cachelab run --invalidation all`): staleness, cost, memory and expiry
// synchronisation side by side (the matrix notes are added by
// AnnotatedComparisonTable, cli/pair_notes.h).
#pragma once
#include <vector>

#include "cli/summary_table.h"

namespace cachelab::cli {

// `lead` are the identifying columns (e.g. invalidation, strategy).
std::vector<Column> InvalidationComparisonColumns(std::vector<Column> lead);

}  // namespace cachelab::cli
