// Parameters that do not apply to the chosen mode are refused, not ignored:
// the rule in lab/param_scope.h, checked on single runs, comparisons and
// experiment files. The expected outcomes follow from the registry's own help
// texts ("write-behind: ...", "closed loop: ...").
#include <catch2/catch.hpp>

#include "lab/experiment_file.h"
#include "lab/param_scope.h"
#include "support/run_cli.h"

using namespace cachelab;
using cachelab::testing::RunCli;

namespace {

Params With(std::initializer_list<std::pair<const char*, const char*>> kv) {
  Params p;
  for (const auto& [k, v] : kv) p.Set(k, v);
  return p;
}

std::string ScopeError(const std::vector<Params>& runs, const std::map<std::string, std::string>& ctx = {}) {
  try {
    CheckScopes(runs, ctx);
  } catch (const ParamError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a mode-specific parameter is refused when no run uses that mode") {
  CHECK(ScopeError({With({{"flush-interval", "10ms"}})}).find("--flush-interval: applies only with --strategy write-behind") == 0);
  CHECK(ScopeError({With({{"clients", "8"}})}).find("--clients: applies only with --arrival closed") == 0);
  CHECK(ScopeError({With({{"arrival", "closed"}, {"rate", "5"}})}).find("--rate:") == 0);
  CHECK(ScopeError({With({{"tags", "50"}, {"invalidation", "pattern"}})}).find("--invalidation tags") != std::string::npos);
  CHECK(ScopeError({With({{"near-ttl", "2s"}})}).find("--near-ttl: applies only with --near-cache") == 0);
  CHECK(ScopeError({With({{"speedup", "2"}})}, {{"backend", "sim"}}).find("--speedup") == 0);
}

TEST_CASE("a parameter given for its own mode, or for one run of a comparison, is accepted") {
  CHECK(ScopeError({With({{"strategy", "write-behind"}, {"flush-interval", "10ms"}})}).empty());
  CHECK(ScopeError({With({{"arrival", "closed"}, {"clients", "8"}})}).empty());
  CHECK(ScopeError({With({{"near-cache", "on"}, {"near-ttl", "2s"}})}).empty());
  CHECK(ScopeError({With({{"speedup", "2"}})}, {{"backend", "live"}}).empty());
  // A comparison: cache-aside ignores it, write-behind uses it.
  CHECK(ScopeError({With({{"strategy", "cache-aside"}, {"flush-interval", "10ms"}}),
                    With({{"strategy", "write-behind"}, {"flush-interval", "10ms"}})})
            .empty());
  // Defaults, given or not, change nothing and are never refused.
  CHECK(ScopeError({Params()}).empty());
  CHECK(ScopeError({With({{"clients", "64"}, {"flush-interval", "1s"}})}).empty());
}

TEST_CASE("cachelab run refuses an inapplicable flag with exit 2 and names it") {
  auto r = RunCli("run --no-store --requests 100 --batch-size 5");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cachelab: error: --batch-size: applies only with --strategy write-behind") != std::string::npos);
  auto ok = RunCli("run --no-store --requests 100 --keys 100 --strategy cache-aside,write-behind --batch-size 5");
  CHECK(ok.exit_code == 0);
  auto live = RunCli("run --no-store --requests 100 --speedup 3");
  CHECK(live.exit_code == 2);
  CHECK(live.err.find("--speedup: applies only with --backend") != std::string::npos);
}

TEST_CASE("an experiment file names the file and line of an inapplicable key") {
  std::string err;
  try {
    ParseExperimentText("requests = 100\nkeys = 100\ninvalidation = [\"ttl\", \"jitter\"]\ntags = 10\n", "exp.toml");
  } catch (const ExperimentFileError& e) {
    err = e.what();
  }
  CHECK(err.find("exp.toml:4: key 'tags': applies only with --invalidation tags") == 0);
  // jitter applies to one point of the sweep: accepted.
  CHECK_NOTHROW(ParseExperimentText("requests = 100\nkeys = 100\ninvalidation = [\"ttl\", \"jitter\"]\njitter = 0.3\n", "exp.toml"));
}

TEST_CASE("cluster parameters do not apply to one node without churn; the message names the scope that failed") {
  // lab/cluster.h: "With one node and no churn the client never consults a
  // partitioner", so --partitioner all there gave seven runs of one result.
  CHECK(ScopeError({With({{"partitioner", "all"}})}).find("--partitioner: does not apply with --nodes 1") == 0);
  CHECK(ScopeError({With({{"detect-delay", "2s"}})}).find("--detect-delay: does not apply with --nodes 1") == 0);
  // The default partitioner is ring, which takes --vnodes: --nodes is what fails.
  CHECK(ScopeError({With({{"vnodes", "7"}})}).find("--vnodes: does not apply with --nodes 1") == 0);
  CHECK(ScopeError({With({{"vnodes", "7"}, {"nodes", "3"}, {"partitioner", "jump"}})})
            .find("--vnodes: applies only with --partitioner ring or bounded-load") == 0);
  CHECK(ScopeError({With({{"partitioner", "all"}, {"nodes", "2"}})}).empty());
  CHECK(ScopeError({With({{"partitioner", "jump"}, {"churn", "t=1s:add"}})}).empty());  // one node, then two
  CHECK(ScopeError({With({{"vnodes", "7"}}), With({{"vnodes", "7"}, {"nodes", "4"}})}).empty());  // a sweep over nodes
}

TEST_CASE("a list given to a parameter that takes none is a bad value, not a list of modes") {
  // --nodes takes one number: "1,4" is no node count, validation's to name (it said
  // "--vnodes: does not apply with --nodes 1", reading the value as a list holding 1).
  CHECK(ScopeError({With({{"nodes", "1,4"}, {"vnodes", "7"}})}).empty());
  auto r = RunCli("run --no-store --requests 100 --nodes 1,4 --vnodes 7");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--nodes: invalid value '1,4'") != std::string::npos);
  // A comparison parameter's list still holds each of its modes.
  CHECK(ScopeError({With({{"strategy", "cache-aside,write-behind"}, {"flush-interval", "10ms"}})}).empty());
  CHECK(ScopeError({With({{"strategy", "cache-aside,read-through"}, {"flush-interval", "10ms"}})})
            .find("--flush-interval: applies only with --strategy write-behind") == 0);
}
