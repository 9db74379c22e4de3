#include "cli/live_run.h"

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
                                          const ProgressFn& progress) {
  live::LiveReplaySettings common = flags.ToSettings();
  for (const Params& p : runs)
    if (std::string why = live::LiveRunRefusal(p); !why.empty()) throw UsageError(why);
  std::vector<RunReport> reports;
  for (const Params& p : runs) {
    live::LiveRunSettings s;
    s.endpoints = common.endpoints;
    s.cluster = common.cluster;
    s.prefix = common.prefix;
    s.keep_keys = common.keep_keys;
    s.flushdb = common.flushdb && reports.empty();  // asked for once, not between runs
    s.speedup = p.Real("speedup", 1e-3, 1e6);
    live::PacedLiveBackend backend(s);
    RunReport r = RunExperiment(p, progress, &backend);
    // Where it ran belongs to the run's identity; the password never does.
    r.config.push_back({"backend", backend_labels(r)});
    r.config.push_back({"key_prefix", s.prefix});
    r.label = "live:" + r.label;
    reports.push_back(std::move(r));
  }
  return reports;
}

}  // namespace cachelab::cli
