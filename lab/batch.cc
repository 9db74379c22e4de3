#include "lab/batch.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

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

void ValidateParams(const Params& params) {
  // Running zero requests would still build everything: cheap, and the same
  // code path as a real run, so nothing can be missed.
  Params probe = params;
  probe.Set("requests", "1");
  RunExperiment(probe);
}

std::vector<RunReport> RunBatch(const std::vector<Params>& runs, unsigned jobs,
                                const std::function<void(uint64_t, uint64_t)>& progress) {
  for (const auto& p : runs) ValidateParams(p);
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(runs.size()));
  std::vector<RunReport> out(runs.size());
  std::atomic<size_t> next{0};
  std::atomic<uint64_t> done{0};
  std::mutex mu;
  std::exception_ptr error;
  auto worker = [&] {
    for (;;) {
      size_t i = next.fetch_add(1);
      if (i >= runs.size()) return;
      try {
        out[i] = RunExperiment(runs[i]);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!error) error = std::current_exception();
        next = runs.size();
        return;
      }
      uint64_t d = ++done;
      if (progress) {
        std::lock_guard<std::mutex> lock(mu);
        progress(d, runs.size());
      }
    }
  };
  if (jobs <= 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
  }
  if (error) std::rethrow_exception(error);
  return out;
}

}  // namespace cachelab
