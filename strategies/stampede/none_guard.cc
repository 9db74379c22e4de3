// `none`: every miss loads; the herd of a hot key's expiry is 1 + Poisson(ΛW).
#include "strategies/read_path.h"
#include "strategies/stampede/guard.h"

namespace cachelab {
namespace {

class NoneGuard final : public StampedeGuard {
 public:
  using StampedeGuard::StampedeGuard;
  std::string_view Name() const override { return "none"; }
  void OnMiss(ReqId id, bool) override { p_.LoadAndServe(id, LoadKind::kMiss); }
};

}  // namespace

std::unique_ptr<StampedeGuard> MakeNoneGuard(ReadPath& p) { return std::make_unique<NoneGuard>(p); }

}  // namespace cachelab
