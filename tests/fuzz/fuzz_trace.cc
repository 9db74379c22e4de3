// Trace readers, one target per format (FUZZ_FORMAT): any bytes either decode
// into requests or stop with an error naming the file; never a crash, a hang
// or unbounded memory. The decoded trace then feeds the working-set pass.
#include <cstdint>
#include <string>

#include "eviction/replay.h"
#include "fuzz_util.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  cachelab::fuzz::SmallMemoryBudget();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cachelab;
  std::string path = fuzz::ScratchFile(data, size, "." FUZZ_FORMAT);
  for (bool skip_bad : {false, true}) {
    std::string error;
    auto reader = OpenTrace(path, TraceOpenOptions{FUZZ_FORMAT, "", skip_bad}, &error);
    if (!reader) {
      FUZZ_CHECK(!error.empty());
      return 0;
    }
    eviction::ReplayTrace trace;
    if (!LoadReplayTrace(*reader, true, &trace, &error)) {
      FUZZ_CHECK(error.find(path) != std::string::npos);  // errors name the file
      continue;
    }
    FUZZ_CHECK(trace.ids.size() == trace.sizes.size());
    eviction::WorkingSet ws = eviction::ComputeWorkingSet(trace);
    FUZZ_CHECK(ws.objects <= trace.ids.size());
  }
  return 0;
}
