// The comparison table of `cachelab run --strategy all` / `--invalidation all`
// with the strategy x invalidation matrix notes (issue 19): a "note" column
// holding each cell's mark ("= cache-aside x ttl [1]", "n/a [2]"), the reasons
// printed once each as footnotes under the table, and "=" instead of the
// numbers of a row whose twin cell is in the same table with exactly the same
// numbers (so the "identical by construction" claim is checked on every run).
#pragma once
#include <string>
#include <vector>

#include "cli/summary_table.h"

namespace cachelab::cli {

// `columns` whose field is strategy, invalidation or stampede identify a row;
// the others are its numbers. Without any note, the plain ComparisonTable.
std::string AnnotatedComparisonTable(const std::vector<RunReport>& reports, const std::vector<Column>& columns);

}  // namespace cachelab::cli
