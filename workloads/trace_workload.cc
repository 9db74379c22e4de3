#include "workloads/trace_workload.h"

#include <algorithm>
#include <cmath>

namespace cachelab {

TraceWorkload::TraceWorkload(std::shared_ptr<const TraceIndex> index, std::unique_ptr<FileTraceReader> reader,
                             bool original_timing, double time_scale, uint64_t seed)
    : index_(std::move(index)),
      reader_(std::move(reader)),
      original_(original_timing),
      scale_(time_scale),
      spread_rng_(seed, "trace-spread"),
      ahead_(*reader_, index_->ids),
      ring_(original_timing ? kTraceReadAhead : 0) {}

bool TraceWorkload::Pull(Request* r) {
  if (!ahead_.Next(r)) return false;
  uint32_t id = index_->ids.Find(r->key);
  if (id == eviction::IdMap::kNone) {  // the file changed since it was indexed
    error_ = index_->path + ": object " + std::to_string(r->key) + " was not in the trace when it was indexed";
    return false;
  }
  r->key = id;
  return true;
}

bool TraceWorkload::StartGroup() {
  if (count_ == 0) {
    Request r;
    if (!Pull(&r)) return false;
    Push(r);
  }
  group_t_ = ring_[head_].at;
  uint64_t n = 0;
  while (n < count_ && ring_[(head_ + n) % ring_.size()].at == group_t_) ++n;
  while (n == count_ && count_ < ring_.size()) {
    Request r;
    if (!Pull(&r)) break;
    Push(r);
    if (r.at != group_t_) break;
    ++n;
  }
  if (n == ring_.size()) {  // at least a full read-ahead: the index knows the size
    const auto& big = index_->big_groups;
    while (big_ < big.size() && big[big_].first < group_ord_) ++big_;
    if (big_ < big.size() && big[big_].first == group_ord_) n = big[big_].second;
  }
  group_n_ = n;
  in_group_ = 0;
  ++group_ord_;
  return true;
}

bool TraceWorkload::Next(Request* out) {
  if (!original_) {
    if (!Pull(out)) return false;
    out->at = 0;
    return true;
  }
  if (in_group_ == group_n_ && !StartGroup()) return false;
  if (count_ > 0) {
    *out = ring_[head_];
    head_ = (head_ + 1) % ring_.size();
    --count_;
  } else if (!Pull(out)) {  // the part of a big group beyond the read-ahead
    return false;
  }
  double spread = (static_cast<double>(in_group_) + spread_rng_.Uniform()) / static_cast<double>(group_n_) *
                  static_cast<double>(index_->resolution);
  ++in_group_;
  double t = (static_cast<double>(group_t_ - index_->first_at) + spread) / scale_;
  last_at_ = std::max(last_at_, static_cast<SimTime>(std::llround(std::max(0.0, t))));
  out->at = last_at_;
  return true;
}

std::unique_ptr<TraceWorkload> OpenTraceWorkload(const std::string& path, const TraceOpenOptions& options,
                                                 bool original_timing, double time_scale, uint64_t seed,
                                                 std::string* error) {
  std::shared_ptr<const TraceIndex> index = IndexTrace(path, options, error);
  if (!index) return nullptr;
  std::unique_ptr<FileTraceReader> reader = OpenTrace(path, options, error);
  if (!reader) return nullptr;
  return std::make_unique<TraceWorkload>(std::move(index), std::move(reader), original_timing, time_scale, seed);
}

}  // namespace cachelab
