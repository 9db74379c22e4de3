// The bars' yardstick of issue 18: a textbook LRU (std::unordered_map to
// std::list iterators) replaying a pre-decoded trace, timed on the thread's
// CPU clock. The trace is the default run's key sequence (SyntheticWorkload:
// Zipf 0.99 over 100,000 keys, seed 1), decoded into a vector before the
// clock starts, so only the replay is timed. Usage:
//   lru_yardstick [requests=1000000] [keys=100000] [capacity=keys/2] [reps=5]
// Prints each repetition's requests per CPU second and the median.
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <list>
#include <unordered_map>
#include <vector>

#include "workloads/synthetic.h"

namespace {

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

// Returns the misses.
uint64_t ReplayLru(const std::vector<uint64_t>& trace, size_t capacity) {
  std::list<uint64_t> order;  // front: most recently used
  std::unordered_map<uint64_t, std::list<uint64_t>::iterator> where;
  uint64_t misses = 0;
  for (uint64_t key : trace) {
    auto it = where.find(key);
    if (it != where.end()) {
      order.splice(order.begin(), order, it->second);
      continue;
    }
    ++misses;
    if (where.size() == capacity) {
      where.erase(order.back());
      order.pop_back();
    }
    order.push_front(key);
    where.emplace(key, order.begin());
  }
  return misses;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t requests = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  uint64_t keys = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 100000;
  size_t capacity = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : keys / 2;
  int reps = argc > 4 ? std::atoi(argv[4]) : 5;
  if (requests == 0 || keys == 0 || capacity == 0 || reps <= 0) {
    std::fprintf(stderr, "usage: lru_yardstick [requests] [keys] [capacity] [reps] (all > 0)\n");
    return 2;
  }
  cachelab::SyntheticConfig c;
  c.keys = keys;
  c.requests = requests;
  cachelab::SyntheticWorkload workload(c, /*seed=*/1);
  std::vector<uint64_t> trace;
  trace.reserve(requests);
  for (cachelab::Request r; workload.Next(&r);) trace.push_back(r.key);

  std::vector<double> rates;
  uint64_t misses = 0;
  for (int i = 0; i < reps; ++i) {
    double start = ThreadCpuSeconds();
    misses = ReplayLru(trace, capacity);
    double cpu = ThreadCpuSeconds() - start;
    rates.push_back(static_cast<double>(trace.size()) / cpu);
    std::printf("rep %d: %.3f M requests/s (CPU %.3f s)\n", i + 1, rates.back() / 1e6, cpu);
  }
  std::sort(rates.begin(), rates.end());
  std::printf("lru_yardstick: %llu requests, %llu keys, capacity %zu, miss ratio %.4f, median %.3f M requests/s\n",
              static_cast<unsigned long long>(trace.size()), static_cast<unsigned long long>(keys), capacity,
              static_cast<double>(misses) / static_cast<double>(trace.size()), rates[rates.size() / 2] / 1e6);
  return 0;
}
