// What `cachelab run` takes from its parameters: the checked values an
// experiment is built from (lab/experiment.cc), and the trace it replays.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lab/cluster.h"
#include "lab/faults.h"
#include "lab/params.h"
#include "lab/scenario.h"
#include "lab/strategy_config.h"
#include "sim/distribution.h"
#include "sim/sim_database.h"
#include "sim/sim_redis.h"
#include "strategies/invalidation/invalidation.h"
#include "workloads/synthetic.h"
#include "workloads/trace_format.h"
#include "workloads/trace_index.h"
#include "workloads/warmup_spec.h"

namespace cachelab {

struct RunConfig {
  SyntheticConfig workload;
  bool closed_loop = false;
  double rate = 0;
  uint64_t clients = 0;
  Distribution think;
  uint64_t servers = 1;
  SimRedisConfig redis;
  ClusterConfig cluster;
  SimDatabaseConfig db;
  std::string strategy;
  StrategyConfig strategy_config;
  ScenarioConfig scenario;
  std::vector<Fault> faults;
  std::string invalidation;
  InvalidationConfig invalidation_config;
  uint64_t warmup_keys = 0;
  uint64_t seed = 1;
  SimTime window = kSecond;
  // --trace: the workload is a trace file (index set by PrepareTrace)
  std::string trace;
  TraceOpenOptions trace_open;
  std::shared_ptr<const TraceIndex> index;
  bool original_timing = false;
  double time_scale = 1;
  bool value_size_override = false;
  // limits and warm-up (trace or synthetic)
  WarmupSpec warmup;
  uint64_t max_requests = 0;  // 0: no limit
  SimTime duration = 0;       // 0: no limit
};

// --trace: refuses the synthetic workload's parameters, indexes the trace
// (errors name file and line) and makes its objects the keyspace.
std::shared_ptr<const TraceIndex> PrepareTrace(Params* p);
// Every value checked; a bad one throws ParamError naming its flag.
RunConfig ParseRunConfig(const Params& p, std::shared_ptr<const TraceIndex> index);

}  // namespace cachelab
