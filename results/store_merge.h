// Merges result files (e.g. one per run of a distributed sweep) into one,
// without duplicates: a run is copied unless a run with the same DedupKeyOf
// is already in the output or was copied before. All inputs are read first
// and copied in one transaction (all or nothing: a corrupt input is named and
// the output is left unchanged); each run keeps its original created_at.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "results/result_store.h"

namespace cachelab {

struct MergeStats {
  int64_t copied = 0, skipped = 0;
};

MergeStats MergeInto(ResultStore& out, const std::vector<std::string>& inputs);

}  // namespace cachelab
