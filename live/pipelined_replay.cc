#include "live/pipelined_replay.h"

#include <charconv>
#include <chrono>

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

PipelinedReplayResult PipelinedReplay(const eviction::ReplayTrace& trace, CommandSink& sink,
                                      const PipelinedReplayConfig& config) {
  PipelinedReplayResult r;
  const size_t depth = config.depth ? config.depth : 1;
  std::vector<SinkOp> ops;
  std::vector<SinkOutcome> outcomes;
  std::vector<SinkOp> next_sets;
  auto start = std::chrono::steady_clock::now();
  auto note_failure = [&] {
    double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (r.first_failure_s < 0) r.first_failure_s = t;
    r.last_failure_s = t;
  };
  size_t i = 0;
  const size_t n = trace.size();
  while (i < n || !next_sets.empty()) {
    ops.swap(next_sets);
    next_sets.clear();
    size_t sets = ops.size();
    for (; i < n && ops.size() - sets < depth; ++i) {
      if (trace.sizes[i] == 0) {
        ++r.skipped_zero_size;
        continue;
      }
      SinkOp op{SinkOp::Kind::kGet, {}, trace.sizes[i]};
      KeyFor(config.prefix, trace.ids[i], &op.key);
      ops.push_back(std::move(op));
    }
    if (config.record_batch_times) r.batch_ms.push_back(UnixMs());
    sink.Execute(ops, &outcomes);
    bool failed = false;
    for (size_t k = 0; k < ops.size(); ++k) {
      SinkOutcome o = outcomes[k];
      if (k < sets) {
        ++r.sets;
        if (o == SinkOutcome::kRejected) ++r.rejected;
        if (o == SinkOutcome::kFailed) ++r.failed_sets, failed = true;
        continue;
      }
      ++r.requests;
      r.requested_bytes += ops[k].size;
      if (o == SinkOutcome::kHit) {
        ++r.hits;
        continue;
      }
      ++r.misses;
      r.miss_bytes += ops[k].size;
      if (o == SinkOutcome::kFailed) ++r.failed_gets, failed = true;
      else if (o == SinkOutcome::kRejected) ++r.rejected;
      else next_sets.push_back(SinkOp{SinkOp::Kind::kSet, std::move(ops[k].key), ops[k].size});
    }
    if (failed) note_failure();
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

void PipelinedReplayResult::Report(RunReport* rep) const {
  rep->Set("requests", static_cast<int64_t>(requests));
  rep->Set("hits", static_cast<int64_t>(hits));
  rep->Set("misses", static_cast<int64_t>(misses));
  rep->Set("miss_ratio", miss_ratio());
  rep->Set("hit_ratio", requests ? 1.0 - miss_ratio() : 0.0);
  rep->Set("byte_miss_ratio", requested_bytes ? static_cast<double>(miss_bytes) / requested_bytes : 0.0);
  rep->Set("skipped_zero_size", static_cast<int64_t>(skipped_zero_size));
  rep->Set("sets", static_cast<int64_t>(sets));
  rep->Set("rejected", static_cast<int64_t>(rejected));
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
