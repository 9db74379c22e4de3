#include "replay/replay_windows.h"

#include <algorithm>
#include <cctype>

#include "lab/usage_error.h"
#include "workloads/warmup_spec.h"

namespace cachelab {
namespace {

bool IsCount(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

bool ReplayWindowsNeedTime(const std::string& window, const std::string& warmup) {
  return !window.empty() || !warmup.empty();  // also for the series' time axis
}

ReplayWindowPlan PlanReplayWindows(const std::string& window, const std::string& warmup,
                                   const eviction::ReplayTrace& trace) {
  ReplayWindowPlan plan;
  const size_t n = trace.size();
  const bool has_time = !trace.time_ms.empty() && trace.time_ms.front() != trace.time_ms.back();
  auto time_of = [&](size_t i) {  // ns since the first request
    return (trace.time_ms[std::min(i, n - 1)] - trace.time_ms[0]) * kMillisecond;
  };
  WarmupSpec w;
  std::string error;
  if (!ParseWarmupSpec(warmup, &w, &error)) throw UsageError("--warmup: " + error);
  if (w.kind == WarmupSpec::Kind::kDuration) {
    if (!has_time) throw UsageError("--warmup " + warmup + ": the trace has no times; give requests or N%");
    size_t i = 0;
    while (i < n && time_of(i) < w.duration) ++i;
    plan.cuts.measure_from = i;
  } else {
    plan.cuts.measure_from = std::min<uint64_t>(w.RequestsOf(n), n);
  }
  plan.by_time = has_time;
  if (n > 0) plan.measure_start = has_time ? time_of(plan.cuts.measure_from) : static_cast<SimTime>(plan.cuts.measure_from);
  if (window.empty() || plan.cuts.measure_from >= n) return plan;

  if (IsCount(window)) {
    uint64_t every = std::stoull(window);
    if (every == 0) throw UsageError("--window must be at least 1 request");
    for (size_t end = plan.cuts.measure_from + every;; end += every) {
      end = std::min(end, n);
      plan.cuts.window_ends.push_back(end);
      plan.t.push_back(has_time ? time_of(end - 1) : static_cast<SimTime>(end));
      if (end == n) break;
    }
    return plan;
  }
  SimTime every = 0;
  if (!ParseDuration(window, &every) || every <= 0)
    throw UsageError("--window: '" + window + "' is neither a number of requests nor a duration (e.g. 10000, 60s)");
  if (!has_time) throw UsageError("--window " + window + ": the trace has no times; give a number of requests");
  // Windows of trace time from the start of measurement; empty ones are left out.
  size_t i = plan.cuts.measure_from;
  for (SimTime end_t = plan.measure_start + every; i < n; end_t += every) {
    size_t j = i;
    while (j < n && time_of(j) < end_t) ++j;
    if (j > i) {
      plan.cuts.window_ends.push_back(j);
      plan.t.push_back(end_t);
    }
    i = j;
  }
  return plan;
}

void AddReplayWindows(const ReplayWindowPlan& plan, const eviction::ReplayResult& r, RunReport* rep) {
  rep->Set("warmup_requests", static_cast<int64_t>(plan.cuts.measure_from));
  if (plan.cuts.measure_from > 0)
    rep->events.push_back({plan.measure_start, "measurement_start", "end of the warm-up",
                           plan.by_time ? SeriesAxis::kTime : SeriesAxis::kRequests});
  if (!plan.windows()) return;
  const std::string axis = plan.by_time ? "t = end of the window, ns since the trace's first request"
                                        : "t = requests since the trace's start";
  const SeriesAxis kind = plan.by_time ? SeriesAxis::kTime : SeriesAxis::kRequests;
  Series mr{"miss_ratio", "miss ratio per window (" + axis + ")", {}, {}, kind};
  Series bmr{"byte_miss_ratio", "byte miss ratio per window (" + axis + ")", {}, {}, kind};
  Series req{"window_requests", "requests per window (" + axis + ")", {}, {}, kind};
  for (size_t k = 0; k < r.windows.size() && k < plan.t.size(); ++k) {
    const auto& w = r.windows[k];
    mr.t.push_back(plan.t[k]);
    bmr.t.push_back(plan.t[k]);
    req.t.push_back(plan.t[k]);
    mr.v.push_back(w.requests ? static_cast<double>(w.misses) / static_cast<double>(w.requests) : 0.0);
    bmr.v.push_back(w.requested_bytes ? static_cast<double>(w.miss_bytes) / static_cast<double>(w.requested_bytes) : 0.0);
    req.v.push_back(static_cast<double>(w.requests));
  }
  rep->series.push_back(mr);
  rep->series.push_back(bmr);
  rep->series.push_back(req);
}

}  // namespace cachelab
