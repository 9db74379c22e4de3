// Allocations that follow a parameter (--keys, --tags, --buckets, a sweep's
// run list) are checked against what the machine can hold before they are
// made, so a large value fails at once with a message naming the parameter
// instead of paging the machine to death or dying of std::bad_alloc.
#pragma once
#include <cstdint>
#include <string>

#include "sim/machine_memory.h"

namespace cachelab {

// Throws ParamError(param, "<what> need about N GiB; ... available") when
// `bytes` exceeds 80% of AvailableMemory().
void CheckMemory(const std::string& param, double bytes, const std::string& what);

}  // namespace cachelab
