#include "lab/memory_budget.h"

#include "lab/params.h"

namespace cachelab {

void CheckMemory(const std::string& param, double bytes, const std::string& what) {
  double avail = static_cast<double>(AvailableMemory());
  if (bytes <= 0.8 * avail) return;
  throw ParamError(param, what + " need about " + FormatBytes(bytes) + " of memory; " + FormatBytes(avail) +
                              " is available");
}

}  // namespace cachelab
