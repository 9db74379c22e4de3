#include "replay/replay_stream.h"

#include <algorithm>
#include <atomic>
#include <future>
#include <thread>

#include "lab/usage_error.h"
#include "sim/progress_meter.h"
#include "workloads/trace_loader.h"

namespace cachelab {

eviction::WorkingSet StreamWorkingSet(TraceReader& reader, eviction::DenseIds* ids, KeptNumbers* kept) {
  eviction::WorkingSetCounter counter;
  counter.ExpectRequests(reader.RequestCountHint());
  NumberKeeping keeping(kept);
  auto load = [&reader, &keeping](eviction::ReplayTrace* chunk, size_t n) {
    std::string error;
    if (!LoadReplayChunk(reader, n, false, false, chunk, &error, false)) throw UsageError(error);
    // Room for the numbers written through here, on this thread, so the
    // counting thread meets no fresh page.
    keeping.Room(chunk);
  };
  eviction::ReplayTrace chunks[2];
  size_t want = NextReplayChunk(0);
  load(&chunks[0], want);
  ProgressMeter meter("sizing " + reader.Label() + " (working set)", "requests", [&] { return reader.FractionRead(); },
                      1);
  uint64_t done = 0;
  for (int cur = 0; chunks[cur].size() > 0; cur ^= 1) {
    want = NextReplayChunk(want);
    auto next = std::async(std::launch::async, load, &chunks[cur ^ 1], want);  // decode ahead
    eviction::ReplayTrace& chunk = chunks[cur];
    counter.Add(chunk, NumberKeeping::Keeps(chunk) ? chunk.dense.data() : nullptr);
    keeping.Take(&chunk);
    next.get();  // rethrows a decode error
    meter.Tick(done += chunks[cur].size());
  }
  meter.Finish(done);
  if (ids) *ids = counter.TakeIds();
  if (kept && keeping.all()) {
    kept->complete = true;
    if (ids) ids->ForgetIds();
  }
  return counter.result();
}

std::vector<ReplayOutcome> StreamReplayJobs(TraceReader& reader, const std::vector<ReplayJob>& jobs,
                                            const StreamSettings& s, bool* any_next) {
  std::vector<std::unique_ptr<eviction::Policy>> policies;
  std::vector<std::unique_ptr<eviction::ReplayRunner>> runners;
  std::vector<std::unique_ptr<eviction::Admission>> admissions;
  for (const ReplayJob& j : jobs) {
    eviction::PolicyOptions o = j.options;
    o.capacity = j.capacity;
    // At most a chunk's worth reserved: a huge cache must not reserve for objects the trace may not have.
    o.expected_objects = std::min<uint64_t>(
        kReplayChunk, s.object_mode ? j.capacity : j.capacity / std::max<uint64_t>(1, s.mean_object_bytes));
    std::string error;
    policies.push_back(eviction::MakePolicy(j.policy, o, &error));
    if (!policies.back()) throw UsageError(error);
    admissions.push_back(MakeJobAdmission(j));
    runners.push_back(eviction::MakeReplayRunner(
        *policies.back(), {j.capacity, s.object_mode, s.use_ttl, admissions.back().get(), s.ids != nullptr,
                                   s.ids ? s.ids->count() : 0},
        s.cuts));
  }
  unsigned threads = s.threads ? s.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::max<size_t>(1, std::min<size_t>(threads, jobs.size())));
  // Next-access indices only travel when a policy reads them (Belady): 8 bytes a request fewer.
  const bool keep_next = std::any_of(policies.begin(), policies.end(), [](auto& p) { return p->WantsNextAccess(); });
  auto load = [&reader, &s, keep_next](eviction::ReplayTrace* chunk, size_t n) {
    std::string error;
    if (!LoadReplayChunk(reader, n, s.keep_time, s.use_ttl, chunk, &error, keep_next))
      throw UsageError(error);
    if (!s.ids || chunk->size() == 0) return;
    // On the decoding thread, off the replays' path: the numbers the
    // working-set pass kept for this chunk (the same chunk sizes in the same
    // order), else a lookup of each id.
    if (s.kept && !s.kept->chunks.empty() && s.kept->chunks.front().size() == chunk->size()) {
      chunk->dense = std::move(s.kept->chunks.front());
      s.kept->chunks.pop_front();
      return;
    }
    if (s.ids->forgotten()) throw UsageError("the trace changed while it was replayed (its requests differ from what its first pass read)");
    if (s.kept) s.kept->chunks.clear();
    eviction::NumberChunk(*s.ids, *chunk);
    if (s.max_ids && s.ids->count() > s.max_ids) throw NumberingOutgrown();
  };
  eviction::ReplayTrace chunks[2];
  size_t want = NextReplayChunk(0);
  load(&chunks[0], want);
  *any_next = false;
  uint64_t base = 0;
  ProgressMeter meter("replaying " + reader.Label() + " through " + std::to_string(jobs.size()) + " (policy, size) pair" +
                          (jobs.size() == 1 ? "" : "s"),
                      "requests", [&] { return reader.FractionRead(); }, 1);
  for (int cur = 0; chunks[cur].size() > 0; cur ^= 1) {
    meter.Tick(base);
    const eviction::ReplayTrace& chunk = chunks[cur];
    for (int64_t n : chunk.next) *any_next |= n >= 0;
    want = NextReplayChunk(want);
    auto next = std::async(std::launch::async, load, &chunks[cur ^ 1], want);  // decode ahead
    std::atomic<size_t> job{0};
    auto worker = [&] {
      for (size_t i = job++; i < runners.size(); i = job++) runners[i]->Feed(chunk, base);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& t : pool) t.join();
    next.get();  // rethrows a decode error
    base += chunk.size();
  }
  meter.Finish(base);
  std::vector<ReplayOutcome> out(jobs.size());
  for (size_t i = 0; i < jobs.size(); ++i) {
    out[i].job = jobs[i];
    out[i].result = runners[i]->Finish();
  }
  return out;
}

}  // namespace cachelab
