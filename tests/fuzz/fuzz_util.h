// Shared by the fuzz targets: inputs that readers take as files go through one
// scratch file per process, and allocations follow a small memory budget so a
// large parameter is refused (as on a small machine) instead of built.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace cachelab::fuzz {

inline std::string ScratchFile(const uint8_t* data, size_t size, const char* suffix = "") {
  std::string path = "/tmp/cachelab-fuzz-" + std::to_string(::getpid()) + suffix;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size) std::fwrite(data, 1, size, f);
  std::fclose(f);
  return path;
}

inline void SmallMemoryBudget() { ::setenv("CACHELAB_MEMORY_LIMIT", "200000000", 1); }

// A failed property: crash so the fuzzer (or the replay driver) reports the input.
#define FUZZ_CHECK(cond)                                                              \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "fuzz property failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

}  // namespace cachelab::fuzz
