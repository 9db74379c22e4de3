// What a live run (`cachelab run --backend redis://...`) cannot honour: the
// simulated Redis's own parameters (the real server's network, CPU and
// configuration decide), simulated cluster churn and cache faults (stop or
// kill the real server instead), pattern over several nodes (SCAN walks one node), and a speed-up that would push the TTL below Redis's 1 ms.
#pragma once
#include <string>

#include "lab/params.h"

namespace cachelab::live {

// Empty when the run can go live on `nodes` servers; otherwise why not, naming the parameter.
std::string LiveRunRefusal(const Params& p, size_t nodes = 1);

}  // namespace cachelab::live
