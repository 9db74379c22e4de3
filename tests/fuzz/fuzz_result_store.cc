// The results store on open: any bytes as a results file either open (then
// every run lists and loads) or throw an error naming the file.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "fuzz_util.h"
#include "results/result_store.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace cachelab;
  std::string path = fuzz::ScratchFile(data, size, ".db");
  for (bool read_only : {true, false}) {
    try {
      ResultStore store(path, read_only);
      int loaded = 0;
      for (const auto& run : store.ListRuns()) {
        if (++loaded > 50) break;
        store.LoadRun(run.id);
      }
    } catch (const std::exception& e) {
      std::string msg = e.what();
      FUZZ_CHECK(msg.find(path) != std::string::npos);  // errors name the file
    }
    fuzz::ScratchFile(data, size, ".db");  // a writable open may have changed it
  }
  return 0;
}
