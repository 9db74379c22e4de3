// Experiment files: any text either loads (every point validated) or throws
// ExperimentFileError with "FILE:LINE" or "FILE:" in front, printable only.
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "lab/experiment_file.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  cachelab::fuzz::SmallMemoryBudget();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cachelab;
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    ExperimentFile f = ParseExperimentText(text, "fuzz.toml");
    FUZZ_CHECK(f.RunCount() >= 1 && f.RunCount() <= kMaxSweepRuns);
    if (f.RunCount() <= 64)
      for (size_t i = 0; i < f.RunCount(); ++i) FUZZ_CHECK(f.Run(i).point == i / f.sweep.replications);
  } catch (const ExperimentFileError& e) {
    std::string msg = e.what();
    FUZZ_CHECK(msg.rfind("fuzz.toml:", 0) == 0);
    for (unsigned char c : msg) FUZZ_CHECK(c >= 0x20 && c < 0x7f);
  }
  return 0;
}
