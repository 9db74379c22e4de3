#include "strategies/cache_aside.h"
#include "strategies/strategy.h"

namespace cachelab {

std::vector<std::string> StrategyNames() { return {"cache-aside"}; }

std::unique_ptr<Strategy> MakeStrategy(std::string_view name, Harness& harness, const StrategyConfig& config,
                                       std::string* error) {
  if (name == "cache-aside") return std::make_unique<CacheAside>(harness, config);
  if (error) *error = "unknown strategy '" + std::string(name) + "' (known: cache-aside)";
  return nullptr;
}

}  // namespace cachelab
