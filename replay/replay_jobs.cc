#include "replay/replay_jobs.h"

#include "lab/usage_error.h"
#include "sim/progress_meter.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace cachelab {

std::vector<ReplayOutcome> RunReplayJobs(const eviction::ReplayTrace& trace, const std::vector<ReplayJob>& jobs,
                                         bool object_mode, uint64_t mean_object_bytes, unsigned threads,
                                         bool use_ttl, const eviction::ReplayCuts& cuts) {
  std::vector<ReplayOutcome> out(jobs.size());
  std::atomic<size_t> next{0};
  std::vector<std::string> errors(jobs.size());
  std::mutex meter_mu;
  size_t finished = 0;  // replays done, under meter_mu
  ProgressMeter meter("replaying " + std::to_string(jobs.size()) + " (policy, size) pair" + (jobs.size() == 1 ? "" : "s"),
                      "replays",
                      [&] { return jobs.empty() ? 1.0 : static_cast<double>(finished) / jobs.size(); }, 1);
  auto worker = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) {
      const ReplayJob& j = jobs[i];
      eviction::PolicyOptions o = j.options;
      o.capacity = j.capacity;
      // Never more objects than the trace has requests: a huge cache must not reserve for them.
      o.expected_objects = std::min<uint64_t>(
          trace.size(), object_mode ? j.capacity : j.capacity / std::max<uint64_t>(1, mean_object_bytes));
      auto policy = eviction::MakePolicy(j.policy, o, &errors[i]);
      if (!policy) continue;
      auto admission = MakeJobAdmission(j);
      out[i].job = j;
      out[i].result = eviction::Replay(
          trace, *policy, eviction::ReplayConfig{j.capacity, object_mode, use_ttl, admission.get()}, cuts);
      std::lock_guard<std::mutex> lock(meter_mu);
      meter.Tick(++finished);
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, jobs.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(worker);
    } catch (const std::system_error&) {
      break;  // out of threads: the ones started (and this one) do the rest
    }
  }
  worker();
  for (auto& t : pool) t.join();
  meter.Finish(finished);
  for (const auto& e : errors)
    if (!e.empty()) throw std::runtime_error(e);
  return out;
}

std::unique_ptr<eviction::Admission> MakeJobAdmission(const ReplayJob& job) {
  if (job.admission.empty()) return nullptr;
  std::string error;
  auto a = eviction::MakeAdmission(job.admission, {job.capacity, job.options.seed}, &error);
  if (!a) throw UsageError("--admission: " + error);
  return a;
}

std::vector<ReplayOutcome> LruCurveJobs(const eviction::ReplayTrace& trace, const std::vector<ReplayJob>& jobs,
                                        const eviction::MrcOptions& options) {
  std::vector<uint64_t> sizes;
  for (const auto& j : jobs) sizes.push_back(j.capacity);
  double seconds = 0;
  ProgressMeter meter("LRU curve", "requests", static_cast<uint64_t>(trace.size()), 1);
  eviction::MrcOptions ticking = options;
  ticking.progress = [&](uint64_t done) { meter.Tick(done); };
  auto points = eviction::LruMissRatioCurve(trace, sizes, ticking, &seconds);
  meter.Finish(trace.size());
  // A handful of sampled requests gives an estimate that is noise (0 misses, or
  // a ratio above 1 before capping): refuse it rather than print it.
  if (options.shards_rate < 1 && !points.empty() && points[0].sampled_requests < kMinShardsSample)
    throw UsageError("--shards-rate " + std::to_string(options.shards_rate) + " sampled " +
                     std::to_string(points[0].sampled_requests) + " of " + std::to_string(points[0].requests) +
                     " requests; SHARDS needs at least " + std::to_string(kMinShardsSample) +
                     " for a usable estimate (raise the rate, or 1 for the exact curve)");
  std::vector<ReplayOutcome> out;
  for (size_t i = 0; i < jobs.size(); ++i) {
    ReplayOutcome o;
    o.job = jobs[i];
    o.from_stack_distances = true;
    o.result.requests = points[i].requests;
    o.result.misses = points[i].misses;
    o.result.requested_bytes = points[i].requested_bytes;
    o.result.miss_bytes = points[i].miss_bytes;
    o.result.seconds = seconds;  // one pass serves every size
    out.push_back(o);
  }
  return out;
}

double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // KiB on Linux
}

}  // namespace cachelab
