#include "replay/replay_split_pass.h"

#include <atomic>
#include <future>
#include <thread>

#include "lab/usage_error.h"
#include "sim/progress_meter.h"
#include "workloads/oracle_general_reader.h"
#include "workloads/trace_loader.h"

namespace cachelab {

std::optional<eviction::WorkingSet> SplitWorkingSet(TraceReader& first,
                                                    const std::function<std::unique_ptr<TraceReader>()>& open_second,
                                                    eviction::DenseIds* ids, KeptNumbers* kept,
                                                    uint64_t min_requests, size_t max_sightings) {
  auto* a = dynamic_cast<OracleGeneralReader*>(&first);
  const uint64_t n = first.RequestCountHint();  // whole records of a mapped file (0 for a stream)
  if (!a || n < min_requests || std::thread::hardware_concurrency() < 2) return std::nullopt;
  // The first half ends at a chunk boundary, so its chunks (and the numbers
  // kept for them) are the replay pass's own.
  uint64_t mid = 0;
  for (size_t want = NextReplayChunk(0); mid < n / 2; want = NextReplayChunk(want)) mid += want;
  if (mid >= n) return std::nullopt;
  std::unique_ptr<TraceReader> second_reader = open_second();
  auto* b = dynamic_cast<OracleGeneralReader*>(second_reader.get());
  if (!b || !b->SkipRecords(mid)) return std::nullopt;

  eviction::WorkingSetCounter later;
  std::vector<eviction::WorkingSetCounter::Sighting> fresh;
  std::atomic<uint64_t> later_done{0};
  std::atomic<bool> gave_up{false};
  auto count_second = [&] {
    eviction::ReplayTrace chunk;
    std::string error;
    later.ExpectRequests(n - mid);
    for (;;) {
      if (!LoadReplayChunk(*b, kReplayChunk, false, false, &chunk, &error, false)) throw UsageError(error);
      if (chunk.size() == 0) return;
      later.AddNoting(chunk, &fresh);
      later_done += chunk.size();
      if (fresh.size() > max_sightings) {  // too many ids for a second table: one pass counts them
        gave_up = true;
        later = {};
        fresh = {};
        return;
      }
    }
  };
  auto second = std::async(std::launch::async, count_second);

  eviction::WorkingSetCounter counter;
  counter.ExpectRequests(n);
  NumberKeeping keeping(kept);
  const double mid_fraction = static_cast<double>(mid) / static_cast<double>(n);
  ProgressMeter meter("sizing " + first.Label() + " (working set, two halves at once)", "requests", [&] {
    return gave_up ? a->FractionRead() : a->FractionRead() + b->FractionRead() - mid_fraction;
  }, 1);
  eviction::ReplayTrace chunk;
  std::string error;
  uint64_t done = 0;
  size_t want = NextReplayChunk(0);
  auto count_next = [&] {  // false at the end
    if (!LoadReplayChunk(*a, want, false, false, &chunk, &error, false)) throw UsageError(error);
    if (chunk.size() == 0) return false;
    keeping.Room(&chunk);
    counter.Add(chunk, keeping.Keeps(chunk) ? chunk.dense.data() : nullptr);
    keeping.Take(&chunk);
    want = NextReplayChunk(want);
    meter.Tick((done += chunk.size()) + (gave_up ? 0 : later_done.load()));
    return true;
  };
  while (done < mid)
    if (!count_next()) throw UsageError(first.Label() + ": the file ended while it was read (was it truncated?)");
  second.get();  // rethrows the second half's decode error
  if (gave_up) {
    while (count_next()) {
    }
    if (kept && keeping.all()) kept->complete = true;
  } else {
    counter.MergeLater(fresh);
  }
  meter.Finish(gave_up ? done : done + later_done.load());
  if (ids) {
    *ids = counter.TakeIds();
    if (kept && kept->complete) ids->ForgetIds();
  }
  return counter.result();  // with both halves, kept->complete stays false: the second's numbers are not kept
}

}  // namespace cachelab
