#include "lab/run_pool.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace cachelab {

void RunEach(size_t count, const std::function<Params(size_t)>& make, unsigned jobs,
             const std::function<void(size_t, RunReport&)>& on_done, const std::atomic<bool>* stop) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>({jobs, kMaxJobs, count})));
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::exception_ptr error;
  auto worker = [&] {
    for (;;) {
      if (stop && stop->load()) return;
      size_t i = next.fetch_add(1);
      if (i >= count) return;
      try {
        RunReport r = RunExperiment(make(i));
        std::lock_guard<std::mutex> lock(mu);
        if (!error) on_done(i, r);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!error) error = std::current_exception();
        next = count;
        return;
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) {
    try {
      threads.emplace_back(worker);
    } catch (const std::system_error& e) {
      // Out of threads (ulimit -u, memory): carry on with those we have.
      std::fprintf(stderr, "cachelab: warning: could start only %zu of %u worker threads (%s)\n", threads.size() + 1,
                   jobs, e.what());
      break;
    }
  }
  worker();  // this thread works too
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

void RunEach(const std::vector<Params>& runs, unsigned jobs, const std::function<void(size_t, RunReport&)>& on_done,
             const std::atomic<bool>* stop) {
  RunEach(runs.size(), [&](size_t i) { return runs[i]; }, jobs, on_done, stop);
}

}  // namespace cachelab
