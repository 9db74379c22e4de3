#include "lab/param_scope.h"

#include "lab/batch.h"

namespace cachelab {
namespace {

const std::vector<std::string> kOn = {"true", "on", "yes", "1"};

std::vector<std::string> Items(const std::string& v) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t comma = v.find(',', start);
    out.push_back(v.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

std::string Describe(const ParamScope& s) {
  std::string sel = "--" + s.selector;
  // A context selector is a flag of its own (--backend URL): name the flag only.
  if (!FindParam(s.selector)) return s.unless ? "does not apply with " + sel : "applies only with " + sel;
  if (s.values.size() == 1 && s.values[0].empty()) return s.unless ? "applies only with " + sel : "does not apply with " + sel;
  std::string list;
  for (size_t i = 0; i < s.values.size(); ++i)
    list += (i == 0 ? "" : i + 1 == s.values.size() ? " or " : ", ") + s.values[i];
  return (s.unless ? "does not apply with " : "applies only with ") + sel + " " + list;
}

}  // namespace

const std::vector<ParamScope>& ParamScopes() {
  static const std::vector<ParamScope> scopes = {
      // arrival process
      {"rate", "arrival", {"open"}},
      {"clients", "arrival", {"closed"}},
      {"think-time", "arrival", {"closed"}},
      // write strategies
      {"flush-interval", "strategy", {"write-behind"}},
      {"batch-size", "strategy", {"write-behind"}},
      {"coalesce", "strategy", {"write-behind"}},
      {"refresh-fraction", "strategy", {"refresh-ahead"}},
      // stampede guards
      {"lock-ttl", "stampede", {"distributed-lock", "stale-while-revalidate", "lease"}},
      {"poll-interval", "stampede", {"distributed-lock", "lease"}},
      {"lock-max-wait", "stampede", {"distributed-lock"}},
      {"xfetch-beta", "stampede", {"xfetch", "xfetch-linear"}},
      {"swr-window", "stampede", {"stale-while-revalidate"}},
      // scenarios
      {"ttl-jitter", "scenario", {"sync-expiry"}},
      {"flash-at", "scenario", {"flash-crowd"}},
      {"flash-base-rate", "scenario", {"flash-crowd"}},
      // invalidation schemes
      {"jitter", "invalidation", {"jitter"}},
      {"tiers", "invalidation", {"tiered"}},
      {"access-ttl-factor", "invalidation", {"access-age"}},
      {"tags", "invalidation", {"tags"}},
      {"tag-set-expire", "invalidation", {"tags"}},
      {"pattern-fraction", "invalidation", {"pattern", "pubsub"}},  // pubsub: with --pubsub-patterns
      {"scan-count", "invalidation", {"pattern"}},
      {"pubsub-delay", "invalidation", {"pubsub"}},
      {"pubsub-loss", "invalidation", {"pubsub"}},
      {"pubsub-disconnect-every", "invalidation", {"pubsub"}},
      {"pubsub-disconnect-for", "invalidation", {"pubsub"}},
      {"pubsub-patterns", "invalidation", {"pubsub"}},
      {"near-ttl", "near-cache", kOn},
      // partitioners
      {"vnodes", "partitioner", {"ring", "bounded-load"}},
      {"ketama-format", "partitioner", {"ketama"}},
      {"maglev-table", "partitioner", {"maglev"}},
      {"bounded-load-epsilon", "partitioner", {"bounded-load"}},
      // one node without churn consults no partitioner and has no membership to change (lab/cluster.h)
      {"partitioner", "nodes", {"1"}, true},
      {"vnodes", "nodes", {"1"}, true},
      {"ketama-format", "nodes", {"1"}, true},
      {"maglev-table", "nodes", {"1"}, true},
      {"bounded-load-epsilon", "nodes", {"1"}, true},
      {"detect-delay", "nodes", {"1"}, true},
      {"remap-sample", "nodes", {"1"}, true},
      // live runs (the CLI supplies backend=live with --backend)
      {"speedup", "backend", {"live"}},
      // a trace replaces the synthetic workload (--timing rate|closed stands for --arrival, see ParamApplies)
      {"keys", "trace", {""}, false, "the trace's keys are the keyspace"},
      {"alpha", "trace", {""}, false, "the trace's keys give the popularity"},
      {"read-fraction", "trace", {""}, false, "the trace's operations are the mix"},
      {"requests", "trace", {""}, false, "the trace gives the requests; --max-requests N stops after N"},
      {"format", "trace", {""}, true},
      {"csv-spec", "trace", {""}, true},
      {"skip-bad", "trace", {""}, true},
      {"time-scale", "trace", {""}, true},
  };
  return scopes;
}

namespace {

bool ScopeHolds(const ParamScope& s, const Params& run, const std::map<std::string, std::string>& context) {
  std::string value;
  if (FindParam(s.selector)) value = run.Raw(s.selector);
  else if (auto it = context.find(s.selector); it != context.end()) value = it->second;
  // --timing rate|closed picks the arrival process as --arrival open|closed does.
  if (s.selector == "arrival" && FindParam("timing")) {
    const std::string& timing = run.Raw("timing");
    if (timing == "rate" || timing == "closed") value = timing == "rate" ? "open" : "closed";
  }
  // With churn even one node is a cluster: nodes join, and the client needs a partitioner.
  if (s.selector == "nodes" && run.Raw("churn") != "none" && !run.Raw("churn").empty()) value = "churn";
  // Only a comparison parameter holds a list (one run per item); another's "1,4" is one
  // bad value, which validation names, not a list holding "1" (so not "--vnodes: does
  // not apply with --nodes 1" for `--nodes 1,4 --vnodes 7`).
  bool list = false;
  for (const auto& cp : ComparisonParams()) list |= cp.name == s.selector;
  bool match = false;
  for (const auto& item : list ? Items(value) : std::vector<std::string>{value})
    for (const auto& v : s.values) match |= item == v;
  return match != s.unless;
}

// The first of `param`'s scopes that does not hold in `run`, or null.
const ParamScope* FailedScope(const std::string& param, const Params& run,
                              const std::map<std::string, std::string>& context) {
  for (const auto& s : ParamScopes())
    if (s.param == param && !ScopeHolds(s, run, context)) return &s;
  return nullptr;
}

}  // namespace

bool ParamApplies(const std::string& param, const Params& run, const std::map<std::string, std::string>& context) {
  return FailedScope(param, run, context) == nullptr;
}

void ScopeCheck::Add(const Params& run) {
  started_ = true;
  for (const auto& s : ParamScopes()) {
    // A value equal to the default changes nothing, so it may stand anywhere
    // (experiments/reference.toml lists every parameter at its default).
    if (!run.Given(s.param) || run.IsDefault(s.param) || applied_.count(s.param)) continue;
    given_.insert(s.param);
    if (const ParamScope* failed = FailedScope(s.param, run, context_)) failed_.emplace(s.param, failed);
    else applied_.insert(s.param);
  }
}

void ScopeCheck::Finish() const {
  for (const auto& s : ParamScopes()) {
    if (!given_.count(s.param) || applied_.count(s.param)) continue;
    // Name the scope that failed (in the first run where it did) for the message.
    const ParamScope& failed = *failed_.at(s.param);
    throw ParamError(s.param, Describe(failed) + " (given here, it would be ignored" +
                                  (failed.instead.empty() ? "" : "; " + failed.instead) + ")");
  }
}

void CheckScopes(const std::vector<Params>& runs, const std::map<std::string, std::string>& context) {
  ScopeCheck check(context);
  for (const auto& r : runs) check.Add(r);
  check.Finish();
}

}  // namespace cachelab
