#include "live/pipelined_replay.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <numeric>
#include <unordered_map>

namespace cachelab::live {
namespace {

void KeyFor(const std::string& prefix, uint64_t id, std::string* out) {
  char buf[24];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, id);
  out->assign(prefix);
  out->append(buf, p);
}

int64_t UnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

size_t LaneOf(uint64_t id, size_t lanes) {
  if (lanes <= 1) return 0;
  uint64_t z = id + 0x9e3779b97f4a7c15ULL;  // splitmix64 finaliser
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return (z ^ (z >> 31)) % lanes;
}

std::vector<std::vector<uint32_t>> SplitLanes(const eviction::ReplayTrace& trace, size_t lanes) {
  std::vector<std::vector<uint32_t>> out(lanes ? lanes : 1);
  if (out.size() == 1) {
    out[0].resize(trace.size());
    std::iota(out[0].begin(), out[0].end(), 0u);
    return out;
  }
  for (uint32_t i = 0; i < trace.size(); ++i) out[LaneOf(trace.ids[i], out.size())].push_back(i);
  return out;
}

ReplayLane::ReplayLane(const eviction::ReplayTrace& trace, std::vector<uint32_t> indices,
                       const PipelinedReplayConfig& config)
    : trace_(trace), indices_(std::move(indices)), cfg_(config), depth_(config.depth ? config.depth : 1) {
  std::unordered_map<uint64_t, uint32_t> number;
  number.reserve(indices_.size() / 4 + 16);
  key_of_.resize(indices_.size());
  for (size_t k = 0; k < indices_.size(); ++k)
    key_of_[k] = number.try_emplace(trace_.ids[indices_[k]], static_cast<uint32_t>(number.size())).first->second;
  in_batch_.assign(number.size(), 0);
  filled_in_.assign(number.size(), 0);
  held_per_key_.assign(number.size(), 0);
  cached_.assign(number.size(), 0);
  warming_ = cfg_.measure_from > 0;
  r_.windows.resize(cfg_.window_ends.size());
}

bool ReplayLane::WarmDone() const {
  return (next_ >= indices_.size() || indices_[next_] >= cfg_.measure_from) && held_.empty() && fills_.empty();
}

void ReplayLane::StartMeasurement() {
  warming_ = false;
  PipelinedReplayResult fresh;
  fresh.batch_ms = std::move(r_.batch_ms);  // the whole schedule, for a simulated twin
  fresh.warmup_requests = r_.warmup_requests + r_.requests;
  fresh.windows.resize(cfg_.window_ends.size());
  r_ = std::move(fresh);
}

void ReplayLane::AddGet(uint32_t pos) {
  uint32_t i = indices_[pos], key = key_of_[pos];
  in_batch_[key] = batch_no_ + 1;
  op_keys_.push_back(key);
  op_index_.push_back(i);
  ops_.emplace_back();
  SinkOp& op = ops_.back();
  op.kind = SinkOp::Kind::kGet;
  op.size = trace_.sizes[i];
  KeyFor(cfg_.prefix, trace_.ids[i], &op.key);
}

const std::vector<SinkOp>& ReplayLane::NextBatch() {
  ops_.swap(fills_);
  op_keys_.swap(fill_keys_);
  fills_.clear();
  fill_keys_.clear();
  fill_count_ = ops_.size();
  op_index_.clear();
  ++batch_no_;  // a new batch: no key has a GET in it yet
  // A key filled at the head of this batch is cached for every GET behind it.
  for (uint32_t key : op_keys_) cached_[key] = 1;
  auto gets = [&] { return ops_.size() - fill_count_; };
  // Would a GET of key now possibly miss before the fill an earlier GET of it
  // in this batch causes?
  auto must_wait = [&](uint32_t key) { return in_batch_[key] == batch_no_ + 1 && !cached_[key]; };
  // Held requests first, in order; one that must still wait stays held (and
  // so do the later ones of its key, found the same way).
  for (auto it = held_.begin(); it != held_.end() && gets() < depth_;) {
    uint32_t key = key_of_[*it];
    if (must_wait(key)) {
      ++it;
      continue;
    }
    AddGet(*it);
    --held_per_key_[key];
    it = held_.erase(it);
  }
  // Then new requests, while the held queue has room (it bounds the memory
  // and how far a key's requests can fall behind the others).
  while (next_ < indices_.size() && gets() < depth_ && held_.size() < depth_ &&
         !(warming_ && indices_[next_] >= cfg_.measure_from)) {
    uint32_t pos = static_cast<uint32_t>(next_++);
    if (trace_.sizes[indices_[pos]] == 0) {
      ++r_.skipped_zero_size;
      continue;
    }
    uint32_t key = key_of_[pos];
    if (held_per_key_[key] || must_wait(key)) {
      held_.push_back(pos);
      ++held_per_key_[key];
      ++r_.held;
      continue;
    }
    AddGet(pos);
  }
  if (cfg_.record_batch_times) r_.batch_ms.push_back(UnixMs());
  ++r_.batches;
  return ops_;
}

void ReplayLane::Absorb(const std::vector<SinkOutcome>& outcomes, bool* failed) {
  *failed = false;
  for (size_t k = 0; k < ops_.size(); ++k) {
    SinkOutcome o = outcomes[k];
    uint32_t key = op_keys_[k];
    if (k < fill_count_) {
      ++r_.sets;
      if (o == SinkOutcome::kRejected) ++r_.rejected;
      if (o == SinkOutcome::kFailed) ++r_.failed_sets, *failed = true;
      if (o != SinkOutcome::kOk) cached_[key] = 0;
      continue;
    }
    ++r_.requests;
    if (o == SinkOutcome::kFailed) {
      // No answer: neither hit nor miss (the server never said), and no fill.
      ++r_.failed_gets, *failed = true;
      cached_[key] = 0;
      continue;
    }
    r_.requested_bytes += ops_[k].size;
    WindowCounts* w = nullptr;
    if (!r_.windows.empty()) {
      const auto& ends = cfg_.window_ends;
      size_t at = std::upper_bound(ends.begin(), ends.end(), op_index_[k - fill_count_]) - ends.begin();
      if (at < r_.windows.size()) w = &r_.windows[at];
    }
    if (w) ++w->requests, w->requested_bytes += ops_[k].size;
    if (o == SinkOutcome::kHit) {
      ++r_.hits;
      cached_[key] = 1;
      continue;
    }
    ++r_.misses;
    r_.miss_bytes += ops_[k].size;
    if (w) ++w->misses, w->miss_bytes += ops_[k].size;
    cached_[key] = 0;
    if (o == SinkOutcome::kRejected) ++r_.rejected;
    else if (filled_in_[key] != batch_no_) {
      // One fill per key per batch: a cached key read twice in a batch may
      // miss twice after an eviction.
      filled_in_[key] = batch_no_;
      fills_.push_back(SinkOp{SinkOp::Kind::kSet, std::move(ops_[k].key), ops_[k].size});
      fill_keys_.push_back(key);
    }
  }
}

PipelinedReplayResult PipelinedReplay(const eviction::ReplayTrace& trace, CommandSink& sink,
                                      const PipelinedReplayConfig& config) {
  return PipelinedReplayOnLane(trace, SplitLanes(trace, 1)[0], sink, config);
}

PipelinedReplayResult PipelinedReplayOnLane(const eviction::ReplayTrace& trace, std::vector<uint32_t> indices,
                                            CommandSink& sink, const PipelinedReplayConfig& config) {
  ReplayLane lane(trace, std::move(indices), config);
  StepLane(lane, sink, true, std::chrono::steady_clock::now());
  lane.StartMeasurement();
  auto start = std::chrono::steady_clock::now();
  StepLane(lane, sink, false, start);
  PipelinedReplayResult& r = lane.result();
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::move(r);
}

void StepLane(ReplayLane& lane, CommandSink& sink, bool warm, std::chrono::steady_clock::time_point start) {
  std::vector<SinkOutcome> outcomes;
  PipelinedReplayResult& r = lane.result();
  while (!(warm ? lane.WarmDone() : lane.Done())) {
    sink.Execute(lane.NextBatch(), &outcomes);
    bool failed = false;
    lane.Absorb(outcomes, &failed);
    if (failed) {
      double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (r.first_failure_s < 0) r.first_failure_s = t;
      r.last_failure_s = t;
    }
  }
}

void PipelinedReplayResult::Merge(const PipelinedReplayResult& o) {
  requests += o.requests, hits += o.hits, misses += o.misses;
  requested_bytes += o.requested_bytes, miss_bytes += o.miss_bytes, skipped_zero_size += o.skipped_zero_size;
  sets += o.sets, rejected += o.rejected, failed_gets += o.failed_gets, failed_sets += o.failed_sets;
  held += o.held, batches += o.batches, warmup_requests += o.warmup_requests;
  if (windows.size() < o.windows.size()) windows.resize(o.windows.size());
  for (size_t k = 0; k < o.windows.size(); ++k) {
    windows[k].requests += o.windows[k].requests, windows[k].misses += o.windows[k].misses;
    windows[k].requested_bytes += o.windows[k].requested_bytes, windows[k].miss_bytes += o.windows[k].miss_bytes;
  }
  if (o.first_failure_s >= 0 && (first_failure_s < 0 || o.first_failure_s < first_failure_s))
    first_failure_s = o.first_failure_s;
  if (o.last_failure_s > last_failure_s) last_failure_s = o.last_failure_s;
  if (o.seconds > seconds) seconds = o.seconds;
}

void PipelinedReplayResult::Report(RunReport* rep) const {
  rep->Set("requests", static_cast<int64_t>(requests));
  rep->Set("hits", static_cast<int64_t>(hits));
  rep->Set("misses", static_cast<int64_t>(misses));
  rep->Set("miss_ratio", miss_ratio());
  rep->Set("hit_ratio", answered() ? static_cast<double>(hits) / answered() : 0.0);
  rep->Set("byte_miss_ratio", requested_bytes ? static_cast<double>(miss_bytes) / requested_bytes : 0.0);
  rep->Set("skipped_zero_size", static_cast<int64_t>(skipped_zero_size));
  rep->Set("sets", static_cast<int64_t>(sets));
  rep->Set("rejected", static_cast<int64_t>(rejected));
  rep->Set("held_requests", static_cast<int64_t>(held));
  rep->Set("batches", static_cast<int64_t>(batches));
  rep->Set("failed_ops", static_cast<int64_t>(failed()));
  rep->Set("failed_gets", static_cast<int64_t>(failed_gets));
  rep->Set("failed_sets", static_cast<int64_t>(failed_sets));
  rep->Set("first_failure_s", first_failure_s);
  rep->Set("last_failure_s", last_failure_s);
  rep->Set("seconds", seconds);
  // GETs and SETs both count as commands; requests/s is what a cache client sees.
  rep->Set("throughput_mreq_s", seconds > 0 ? requests / seconds / 1e6 : 0.0);
  rep->Set("commands_per_sec", seconds > 0 ? (requests + sets) / seconds : 0.0);
}

}  // namespace cachelab::live
