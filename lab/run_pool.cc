#include "lab/run_pool.h"

#include <exception>
#include <mutex>
#include <thread>

namespace cachelab {

void RunEach(const std::vector<Params>& runs, unsigned jobs,
             const std::function<void(size_t, RunReport&)>& on_done, const std::atomic<bool>* stop) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(runs.size())));
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::exception_ptr error;
  auto worker = [&] {
    for (;;) {
      if (stop && stop->load()) return;
      size_t i = next.fetch_add(1);
      if (i >= runs.size()) return;
      try {
        RunReport r = RunExperiment(runs[i]);
        std::lock_guard<std::mutex> lock(mu);
        if (!error) on_done(i, r);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!error) error = std::current_exception();
        next = runs.size();
        return;
      }
    }
  };
  if (jobs == 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (unsigned j = 0; j < jobs; ++j) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace cachelab
