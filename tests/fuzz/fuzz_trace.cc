// Trace readers, one target per format (FUZZ_FORMAT; a comma list reads each
// input as each of them in turn, so the smaller text formats share one target):
// any bytes either decode into requests or stop with an error naming the file;
// never a crash, a hang or unbounded memory. The decoded trace then feeds the
// working-set pass.
#include <cstdint>
#include <string>
#include <string_view>

#include "eviction/replay.h"
#include "fuzz_util.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  cachelab::fuzz::SmallMemoryBudget();
  return 0;
}

namespace {

void ReadAs(const std::string& path, const std::string& format) {
  using namespace cachelab;
  for (bool skip_bad : {false, true}) {
    std::string error;
    auto reader = OpenTrace(path, TraceOpenOptions{format, "", skip_bad}, &error);
    if (!reader) {
      FUZZ_CHECK(!error.empty());
      return;
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
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string path = cachelab::fuzz::ScratchFile(data, size, ".trace");
  std::string_view formats = FUZZ_FORMAT;
  while (!formats.empty()) {
    const size_t comma = formats.find(',');
    ReadAs(path, std::string(formats.substr(0, comma)));
    formats.remove_prefix(comma == std::string_view::npos ? formats.size() : comma + 1);
  }
  return 0;
}
