// A mapped trace file that shrinks while it is read (truncated or rewritten
// in place by another program) makes the next read of a page past its new end
// raise SIGBUS. The mappings register here, and a program that calls
// InstallMappedFileFaultReport() then dies with an error naming the file
// (exit 1) instead of "Bus error". Nothing is installed unless asked: the
// core leaves process-wide signal handling to the application.
#pragma once
#include <cstddef>
#include <string>

namespace cachelab {

// Registration by MapFileSource; at most 64 mappings at once are named
// (more are still read, only not named on a fault).
void RegisterMappedFile(const void* begin, size_t length, const std::string& path);
void UnregisterMappedFile(const void* begin);

// The registered file holding addr, or nullptr. Async-signal-safe.
const char* MappedFileAt(const void* addr);

// SIGBUS on a registered mapping: "cachelab: error: PATH: the file shrank
// while being read ..." on stderr, _exit(1). Any other SIGBUS: the default.
void InstallMappedFileFaultReport();

}  // namespace cachelab
