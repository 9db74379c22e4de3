#include "strategies/stampede/guard.h"

namespace cachelab {

std::vector<std::string> StampedeNames() {
  return {"none",   "local-lock",    "single-flight",          "distributed-lock",
          "xfetch", "xfetch-linear", "stale-while-revalidate", "lease"};
}

std::unique_ptr<StampedeGuard> MakeStampedeGuard(const StampedeConfig& c, ReadPath& p, std::string* error) {
  const std::string& n = c.guard;
  if (n == "none") return MakeNoneGuard(p);
  if (n == "local-lock") return MakeLocalLockGuard(p, /*share_result=*/false);
  if (n == "single-flight") return MakeLocalLockGuard(p, /*share_result=*/true);
  if (n == "distributed-lock") return MakeDistributedLockGuard(p, c);
  if (n == "xfetch") return MakeXFetchGuard(p, c, /*linear=*/false);
  if (n == "xfetch-linear") return MakeXFetchGuard(p, c, /*linear=*/true);
  if (n == "stale-while-revalidate" || n == "swr") return MakeSwrGuard(p, c);
  if (n == "lease") return MakeLeaseGuard(p, c);
  if (error) *error = "unknown stampede guard '" + n + "'";
  return nullptr;
}

}  // namespace cachelab
