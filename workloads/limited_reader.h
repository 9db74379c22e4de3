// `replay --max-requests N` / `--duration T`: a trace read as it is, cut after
// N requests or before the first request T or more after the trace's first
// (as `run` cuts its workload, lab/experiment.cc).
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>

#include "sim/time.h"
#include "workloads/trace_reader.h"

namespace cachelab {

class LimitedReader final : public TraceReader {
 public:
  // 0: no limit.
  LimitedReader(TraceReader& in, uint64_t max_requests, SimTime duration)
      : in_(in), max_(max_requests), duration_(duration) {}
  bool Next(Request* out) override {
    if (done_ || (max_ && taken_ >= max_) || !in_.Next(out)) return false;
    if (taken_ == 0) first_ = out->at;
    if (duration_ > 0 && out->at - first_ >= duration_) return done_ = true, false;
    ++taken_;
    return true;
  }
  const std::string& error() const override { return in_.error(); }
  std::string Name() const override { return in_.Name(); }
  // Progress names the file and its fraction read, as the reader it cuts.
  std::string Label() const override { return in_.Label(); }
  double FractionRead() const override { return in_.FractionRead(); }
  uint64_t RequestCountHint() const override {
    const uint64_t h = in_.RequestCountHint();
    return max_ && h ? std::min(h, max_) : h;
  }

  // Batch decoding (LoadReplayChunk) reads the wrapped reader directly when
  // only a request count limits it: how many requests may still come
  // (SIZE_MAX: unlimited), or nullptr when a --duration cut needs each time.
  TraceReader* CountLimited(size_t* left) {
    if (duration_ > 0) return nullptr;
    *left = done_ ? 0 : max_ ? static_cast<size_t>(max_ - std::min(max_, taken_)) : SIZE_MAX;
    return &in_;
  }
  void Took(size_t n) { taken_ += n; }

 private:
  TraceReader& in_;
  uint64_t max_;
  SimTime duration_;
  uint64_t taken_ = 0;
  SimTime first_ = 0;
  bool done_ = false;
};

}  // namespace cachelab
