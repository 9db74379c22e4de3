#include "strategies/cache_aside.h"
#include "strategies/read_through.h"
#include "strategies/strategy.h"
#include "strategies/write_behind.h"
#include "strategies/write_through.h"

namespace cachelab {

std::vector<std::string> StrategyNames() {
  return {"cache-aside", "read-through", "write-through", "write-through-delete", "write-behind", "refresh-ahead"};
}

std::unique_ptr<Strategy> MakeStrategy(std::string_view name, Harness& harness, const StrategyConfig& config,
                                       std::string* error) {
  try {
    if (name == "cache-aside") return std::make_unique<CacheAside>(harness, config);
    if (name == "read-through") return std::make_unique<ReadThrough>(harness, config);
    if (name == "write-through") return std::make_unique<WriteThrough>(harness, config, /*update=*/true);
    if (name == "write-through-delete") return std::make_unique<WriteThrough>(harness, config, /*update=*/false);
    if (name == "write-behind") return std::make_unique<WriteBehind>(harness, config);
    if (name == "refresh-ahead") return std::make_unique<RefreshAhead>(harness, config);
  } catch (const std::invalid_argument& e) {  // unknown stampede guard
    if (error) *error = e.what();
    return nullptr;
  }
  std::string known;
  for (const auto& n : StrategyNames()) known += (known.empty() ? "" : ", ") + n;
  if (error) *error = "unknown strategy '" + std::string(name) + "' (known: " + known + ")";
  return nullptr;
}

}  // namespace cachelab
