// How tables and the dashboard mark a (strategy, invalidation) cell from the
// run's own report fields "pair_same_as" / "pair_note" (written by the
// strategy, strategies/pair_semantics.cc): "= cache-aside x ttl" for a cell
// identical by construction to another, "n/a" for one whose scheme has
// nothing to act on under that strategy, with the reason as the long text.
#pragma once
#include <string>

#include "sim/run_report.h"

namespace cachelab {

struct PairLabel {
  std::string mark;     // "= cache-aside x ttl", "n/a", or "" (the cell is its own)
  std::string note;     // the full pair_note
  std::string same_as;  // the twin cell, "" if none
};

PairLabel PairLabelOf(const std::vector<Field>& fields);
inline PairLabel PairLabelOf(const RunReport& r) { return PairLabelOf(r.fields); }

}  // namespace cachelab
