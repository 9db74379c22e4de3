// Strategy and stampede-guard settings from parameters.
#pragma once
#include "lab/params.h"
#include "strategies/strategy.h"

namespace cachelab {

StrategyConfig ParseStrategyConfig(const Params& p);

}  // namespace cachelab
