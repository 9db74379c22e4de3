// Runs experiments on worker threads and hands each report over as soon as it
// is done (a sweep stores every finished run at once, so an interrupted sweep
// keeps them). Each run is isolated: its result depends only on its Params.
#pragma once
#include <atomic>
#include <functional>
#include <vector>

#include "lab/experiment.h"
#include "lab/params.h"

namespace cachelab {

// More worker threads than this never help a CPU-bound run and only cost memory.
inline constexpr unsigned kMaxJobs = 1024;

// Calls on_done(index, report) under a lock, in completion order. Stops taking
// new runs once *stop is set (runs in progress finish). Throws the first
// error after all workers stop. jobs = 0: hardware concurrency. When the
// system refuses to create a thread, the runs go on with the threads it gave.
void RunEach(const std::vector<Params>& runs, unsigned jobs,
             const std::function<void(size_t index, RunReport& report)>& on_done,
             const std::atomic<bool>* stop = nullptr);

// The same over `count` runs made on demand by make(index), so a long sweep
// never holds every run's parameters at once.
void RunEach(size_t count, const std::function<Params(size_t index)>& make, unsigned jobs,
             const std::function<void(size_t index, RunReport& report)>& on_done,
             const std::atomic<bool>* stop = nullptr);

}  // namespace cachelab
