// Allocations that follow a parameter (--keys, --tags, --buckets, a sweep's
// run list) are checked against what the machine can hold before they are
// made, so a large value fails at once with a message naming the parameter
// instead of paging the machine to death or dying of std::bad_alloc.
#pragma once
#include <cstdint>
#include <string>

namespace cachelab {

// Bytes this process may still allocate: MemAvailable (/proc/meminfo), or
// less under a RLIMIT_AS / RLIMIT_DATA limit. CACHELAB_MEMORY_LIMIT (bytes)
// overrides it, for tests and for sharing a machine.
uint64_t AvailableMemory();

// Throws ParamError(param, "<what> need about N GiB; ... available") when
// `bytes` exceeds 80% of AvailableMemory().
void CheckMemory(const std::string& param, double bytes, const std::string& what);

// "1.5 GiB", "300 MiB": for messages.
std::string FormatBytes(double bytes);

}  // namespace cachelab
