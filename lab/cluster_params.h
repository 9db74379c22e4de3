// The cluster's parameters (--nodes, --partitioner, --churn, ...), parsed.
#pragma once
#include "lab/cluster.h"
#include "lab/params.h"

namespace cachelab {

// Throws ParamError naming the bad parameter.
ClusterConfig ParseClusterConfig(const Params& p);

}  // namespace cachelab
