// What makes two simulated runs the same run: every parameter (the seed
// included) and the bytes of the files the run reads (--trace, --workload
// twin:FILE). The path alone is not enough: the same name can hold another
// trace (another directory, a file edited in place), and a run key that only
// named it would take a new run for one already stored and drop its results.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "lab/params.h"

namespace cachelab {

// params.All(), then ("trace-content", digest) and ("workload-content",
// digest) for the files the run reads. A file that cannot be read adds
// "unreadable" (the run itself fails on it with a clear error).
std::vector<std::pair<std::string, std::string>> RunIdentity(const Params& params);

// 16 hex digits over the file's bytes as stored (a compressed trace is hashed
// compressed) and its length. Computed once per process for a file whose size
// and modification time are unchanged (a sweep names one trace many times).
std::string FileDigest(const std::string& path);

}  // namespace cachelab
