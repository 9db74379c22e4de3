#include "lab/batch.h"

#include "lab/run_bounds.h"
#include "lab/run_pool.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/partitioners/partitioner.h"
#include "strategies/stampede/guard.h"
#include "strategies/strategy.h"

namespace cachelab {

const std::vector<ComparisonParam>& ComparisonParams() {
  static const std::vector<ComparisonParam> params = {
      {"strategy", [] { return StrategyNames(); }},
      {"invalidation", [] { return InvalidationNames(); }},
      {"partitioner", [] { return PartitionerNames(); }},
      {"stampede", [] { return StampedeNames(); }},
  };
  return params;
}

std::vector<Params> ExpandComparisons(const Params& params) {
  std::vector<Params> out{params};
  for (const auto& cp : ComparisonParams()) {
    if (!FindParam(cp.name)) continue;
    std::vector<std::string> values = params.List(cp.name, cp.all_values());
    std::vector<Params> next;
    for (const auto& base : out)
      for (const auto& v : values) {
        Params p = base;
        p.Set(cp.name, v);
        next.push_back(std::move(p));
      }
    out = std::move(next);
  }
  return out;
}

RunReport ValidateParams(const Params& params, bool live) {
  // Running zero requests would still build everything: cheap, and the same
  // code path as a real run, so nothing can be missed.
  CheckRunBounds(params, live);  // before the probe builds anything; also checks --requests, which the probe replaces
  Params probe = params;
  probe.Set("requests", "1");
  probe.Set("max-requests", "1");  // a trace: one request (the whole trace is still checked once)
  return RunExperiment(probe);
}

std::vector<RunReport> RunBatch(const std::vector<Params>& runs, unsigned jobs,
                                const std::function<void(uint64_t, uint64_t)>& progress) {
  std::vector<RunReport> out(runs.size());
  uint64_t done = 0;
  RunEach(runs, jobs, [&](size_t index, RunReport& report) {
    out[index] = std::move(report);  // on_done runs under RunEach's lock
    if (progress) progress(++done, runs.size());
  });
  return out;
}

}  // namespace cachelab
