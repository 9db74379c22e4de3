// A trace file as the workload of a simulation run, read as the run consumes
// it. Keys become the dense lab keys of the trace's index (first touch order).
// With original timing each request's `at` is its arrival in simulated time:
// the trace time since the first request divided by time_scale, and requests
// that share a timestamp are spread over it, uniformly and seeded (request i
// of n at (i + U) / n of the timestamp's resolution), in trace order. Finding
// a group's size reads ahead at most kTraceReadAhead requests; larger groups
// were measured by the index. Time that goes backwards keeps the previous
// arrival (order is never changed). Memory does not depend on the trace length.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "sim/rng.h"
#include "workloads/prefetch_ahead.h"
#include "workloads/trace_index.h"

namespace cachelab {

class TraceWorkload final : public TraceReader {
 public:
  // reader: a fresh reader of the indexed file. original_timing false: `at` is 0.
  TraceWorkload(std::shared_ptr<const TraceIndex> index, std::unique_ptr<FileTraceReader> reader,
                bool original_timing, double time_scale, uint64_t seed);
  bool Next(Request* out) override;
  const std::string& error() const override { return error_.empty() ? reader_->error() : error_; }
  std::string Name() const override { return index_->format; }
  const TraceIndex& index() const { return *index_; }

 private:
  bool Pull(Request* r);  // the next raw request, with its key mapped
  bool StartGroup();
  void Push(const Request& r) {
    ring_[(head_ + count_) % ring_.size()] = r;
    ++count_;
  }

  std::shared_ptr<const TraceIndex> index_;
  std::unique_ptr<FileTraceReader> reader_;
  bool original_;
  double scale_;
  Rng spread_rng_;
  PrefetchAhead ahead_;  // raw requests, their keys' index slots prefetched
  std::vector<Request> ring_;  // read-ahead: head_ .. head_ + count_
  size_t head_ = 0, count_ = 0;
  SimTime group_t_ = 0, last_at_ = 0;
  uint64_t group_n_ = 0, in_group_ = 0, group_ord_ = 0;
  size_t big_ = 0;  // next entry of index_->big_groups
};

// Opens path for a run: indexes it (shared, see IndexTrace) and opens a reader
// for the run's own pass. Null with *error (file and line) on failure.
std::unique_ptr<TraceWorkload> OpenTraceWorkload(const std::string& path, const TraceOpenOptions& options,
                                                 bool original_timing, double time_scale, uint64_t seed,
                                                 std::string* error);

}  // namespace cachelab
