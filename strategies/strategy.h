// A caching strategy: how an application server combines cache and database
// to serve reads and writes. Strategies are asynchronous state machines over
// the Harness; they never read a real clock and never block.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/time.h"
#include "strategies/harness.h"

namespace cachelab {

// Strategy-specific settings (TTLs belong to the invalidation scheme).
struct StrategyConfig {};

class Strategy {
 public:
  virtual ~Strategy() = default;
  virtual std::string_view Name() const = 0;
  virtual void Read(ReqId id) = 0;
  virtual void Write(ReqId id) = 0;
  // The workload has ended: flush whatever is pending (write-behind queues).
  virtual void Finish() {}
};

// Known names: StrategyNames(). Returns nullptr and sets *error otherwise.
std::unique_ptr<Strategy> MakeStrategy(std::string_view name, Harness& harness, const StrategyConfig& config,
                                       std::string* error);
std::vector<std::string> StrategyNames();

}  // namespace cachelab
