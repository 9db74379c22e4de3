#include "cli/keys_left.h"

#include <cstdio>
#include <stdexcept>

namespace cachelab::cli {

void FailIfKeysLeft(const SaveOutcome& saved, const std::vector<std::string>& keys_left) {
  if (keys_left.empty()) return FailIfUnsaved(saved);
  try {
    FailIfUnsaved(saved);
  } catch (const std::runtime_error& e) {  // both went wrong: say both
    std::fprintf(stderr, "cachelab: error: %s\n", e.what());
  }
  std::string what;
  for (const auto& m : keys_left) what += (what.empty() ? "" : "\n") + m;
  throw std::runtime_error(what);
}

}  // namespace cachelab::cli
