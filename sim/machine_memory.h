// How much memory this process may still use, for checks made before large
// allocations (lab/memory_budget.h, the trace loader).
#pragma once
#include <cstdint>
#include <string>

namespace cachelab {

// Bytes this process may still allocate: MemAvailable (/proc/meminfo), or
// less under a RLIMIT_AS / RLIMIT_DATA limit. CACHELAB_MEMORY_LIMIT (bytes)
// overrides it, for tests and for sharing a machine.
uint64_t AvailableMemory();

// "1.5 GiB", "300 MiB": for messages.
std::string FormatBytes(double bytes);

}  // namespace cachelab
