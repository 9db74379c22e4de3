#include "cli/live_run.h"

#include <cstdio>

#include "cli/commands.h"
#include "live/live_run_checks.h"
#include "live/paced_live_backend.h"

namespace cachelab::cli {
namespace {

std::string backend_labels(const RunReport& r) {
  const FieldValue* v = r.Get("backend");
  const std::string* s = v ? std::get_if<std::string>(v) : nullptr;
  return s ? *s : "";
}

}  // namespace

std::vector<RunReport> RunLiveExperiments(const std::vector<Params>& runs, const LiveFlags& flags,
                                          const ProgressFn& progress, std::vector<std::string>* keys_left) {
  live::LiveReplaySettings common = flags.ToSettings();
  for (const Params& p : runs)
    if (std::string why = live::LiveRunRefusal(p, common.endpoints.size()); !why.empty()) throw UsageError(why);
  std::vector<RunReport> reports;
  for (const Params& p : runs) {
    live::LiveRunSettings s;
    s.endpoints = common.endpoints;
    s.cluster = common.cluster;
    s.prefix = common.prefix;
    s.keep_keys = common.keep_keys;
    s.cleanup_wait_ms = common.cleanup_wait_ms;
    s.flushdb = common.flushdb && reports.empty();  // asked for once, not between runs
    s.speedup = p.Real("speedup", 1e-3, 1e6);
    live::PacedLiveBackend backend(s);
    RunReport r = RunExperiment(p, progress, &backend);
    // Where it ran belongs to the run's identity; the password never does.
    r.config.push_back({"backend", backend_labels(r)});
    r.config.push_back({"key_prefix", s.prefix});
    r.label = "live:" + r.label;
    // The summary tables are the simulated run's; the live figures go to stderr.
    double lag = r.GetNumber("live.max_lag_ms");
    std::fprintf(stderr,
                 "%s on %s: speed-up %g, max lag %.1f ms behind the wall clock, %lld failed cache ops, "
                 "%lld reconnects\n",
                 r.label.c_str(), backend_labels(r).c_str(), s.speedup, lag,
                 static_cast<long long>(r.GetNumber("live.failed_ops")),
                 static_cast<long long>(r.GetNumber("live.reconnects")));
    if (lag > 100) std::fprintf(stderr, "warning: the arrivals outran this machine; lower --rate or --speedup\n");
    const auto& left = backend.cleanup().left;
    keys_left->insert(keys_left->end(), left.begin(), left.end());
    reports.push_back(std::move(r));
  }
  return reports;
}

}  // namespace cachelab::cli
