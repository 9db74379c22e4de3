// `cachelab replay --backend`: the trace on live Redis and/or on the
// simulated Redis configured like it (live/live_replay.h, live/sim_replay.h).
// Every result is saved in one transaction, so a failed replay writes nothing.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/keys_left.h"
#include "replay/replay_jobs.h"
#include "cli/replay_options.h"
#include "replay/replay_windows.h"
#include "cli/save_results.h"
#include "cli/summary_table.h"
#include "live/sim_replay.h"
#include "workloads/limited_reader.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

namespace cachelab::cli {
namespace {

// sim - live for each metric both report (--compare-live, or both backends).
RunReport Difference(const RunReport& live, const RunReport& sim) {
  RunReport d;
  d.kind = "replay_difference";
  d.label = "sim - live";
  d.Set("backend", std::string("sim - live"));
  for (const char* m : {"requests", "hits", "misses", "hit_ratio", "miss_ratio", "byte_miss_ratio", "evictions",
                        "used_memory", "held_requests", "cache_size"})
    d.Set(m, sim.GetNumber(m) - live.GetNumber(m));
  return d;
}

// A replay that lost operations is still a result, but its counts cover only
// what the server answered: say so, as `run` prints its failed cache ops.
void WarnFailedOps(const RunReport& r) {
  const auto failed = static_cast<long long>(r.GetNumber("failed_ops"));
  if (failed <= 0) return;
  const auto requests = static_cast<long long>(r.GetNumber("requests"));
  const auto gets = static_cast<long long>(r.GetNumber("failed_gets"));
  std::fprintf(stderr,
               "warning: replay on %s: %lld operations got no answer (%lld of %lld GETs, %lld SETs; node down or timed out, "
               "from %.2f s to %.2f s); hits, misses and the ratios count only the %lld GETs answered\n",
               r.ConfigValue("backend").c_str(), failed, gets, requests,
               static_cast<long long>(r.GetNumber("failed_sets")), r.GetNumber("first_failure_s"),
               r.GetNumber("last_failure_s"), requests - gets);
}

}  // namespace

void ExecuteLiveReplay(const ReplayOptions& opt) {
  if (!opt.sizes.empty() || opt.mrc || opt.object_mode)
    throw UsageError(
        "--size, --mrc and --ignore-obj-size cannot be honoured with --backend: the server's maxmemory "
        "and maxmemory-policy decide (set them on the server, or in --backend sim:maxmemory=...,policy=...)");
  if (opt.policies.size() > 1) throw UsageError("--backend replays one policy: the server's");
  // A trace's TTLs run on the trace's clock; a --backend replay runs as fast as
  // the server answers (and the sim backend on that replay's clock), so the
  // server would expire keys at other requests than the trace says.
  if (opt.use_ttl)
    throw UsageError(
        "--use-ttl cannot be honoured with --backend: the replay runs at the server's speed, not on the trace's "
        "clock, so the trace's TTLs would expire at other requests (replay without --backend to apply them)");
  LiveFlags redis_flags = opt.live;
  redis_flags.backends.clear();
  std::vector<std::string> sims;
  for (const auto& b : opt.live.backends) (live::IsSimBackend(b) ? sims : redis_flags.backends).push_back(b);
  if (sims.size() > 1) throw UsageError("--backend sim may be given once");
  if (opt.compare_live && redis_flags.backends.empty())
    throw UsageError("--compare-live needs a live --backend redis://HOST:PORT to compare with");
  live::SimReplaySettings sim;
  sim.depth = opt.live.depth;
  sim.connections = opt.live.connections;
  sim.prefix = opt.live.prefix;
  // Every lane beyond the first is one more client on the server.
  const uint64_t lane_clients = (opt.live.connections ? opt.live.connections - 1 : 0) * live::kClientMemory;
  // Sim alone: fresh lanes whose reply buffers the client model counts.
  const size_t lanes = opt.live.connections ? opt.live.connections : 1;
  sim.redis.base_memory =
      live::kEmptyRedisMemory - live::kFreshReplyBuffer + (lanes - 1) * live::kClientFixedMemory;
  live::LiveReplaySettings settings;
  if (!redis_flags.backends.empty()) {
    settings = redis_flags.ToSettings();
    if (!opt.policies.empty()) settings.expect_policy = opt.policies[0];
  }
  if (!sims.empty()) {
    std::string err = live::ParseSimBackend(sims[0], &sim);
    if (!err.empty()) throw UsageError(err);
  }
  std::string error;
  auto reader = OpenTrace(opt.trace, TraceOpenOptions{opt.format, opt.csv_spec, opt.skip_bad}, &error);
  if (!reader) throw UsageError(error);
  // --max-requests and --duration cut the trace; --warmup and --window are
  // planned on what remains, as in the simulated replay.
  LimitedReader limited(*reader, opt.max_requests, DurationLimit(opt));
  const bool windows = !opt.window.empty() || !opt.warmup.empty();
  eviction::ReplayTrace trace;
  if (!LoadReplayTrace(limited, windows, &trace, &error)) throw UsageError(NamedError(opt.trace, error));
  ReplayWindowPlan plan;
  if (windows) plan = PlanReplayWindows(opt.window, opt.warmup, trace);
  settings.measure_from = sim.measure_from = plan.cuts.measure_from;
  settings.window_ends = sim.window_ends = plan.cuts.window_ends;

  std::vector<RunReport> reps;
  live::CleanupResult cleanup;
  std::vector<std::vector<live::WindowCounts>> counts;  // per report, its windows
  const bool twin = !sims.empty() || opt.compare_live;
  if (!redis_flags.backends.empty()) {
    live::LiveReplayFacts facts;
    counts.emplace_back();
    reps.push_back(live::LiveReplay(trace, settings, twin ? &facts : nullptr, &counts.back(), &cleanup));
    if (twin) {
      // The simulated twin takes the live server's configuration and schedule;
      // options written in --backend sim:... still win.
      sim.redis.maxmemory = static_cast<uint64_t>(facts.maxmemory);
      sim.redis.maxmemory_policy = facts.maxmemory_policy;
      sim.redis.maxmemory_samples = facts.maxmemory_samples;
      sim.redis.latency_tracking = facts.latency_tracking;
      if (!facts.clients.empty()) {  // every lane measured, with its reply buffer
        sim.clients = facts.clients;
        sim.cron_origin_ms = facts.cron_origin_ms;
        sim.redis.base_memory =
            static_cast<uint64_t>(facts.used_memory_before) - live::ClientBufferModel::BufferBytes(facts.clients);
      } else {
        sim.client_buffers = false;
        sim.redis.base_memory = static_cast<uint64_t>(facts.used_memory_before) + lane_clients;
      }
      sim.lane_batch_ms = std::move(facts.lane_batch_ms);
      if (!sims.empty()) live::ParseSimBackend(sims[0], &sim);
    }
  }
  if (twin) {
    if (redis_flags.backends.empty() && !opt.policies.empty())
      if (std::string why = live::PolicyMismatch(opt.policies[0], sim.redis.maxmemory_policy, "the sim backend");
          !why.empty())
        throw UsageError(why + " (set it in --backend sim:policy=...)");
    counts.emplace_back();
    reps.push_back(live::SimReplay(trace, sim, &counts.back()));
  }
  double rss = PeakRssMb();
  for (size_t k = 0; k < reps.size(); ++k) {
    RunReport& rep = reps[k];
    rep.config.insert(rep.config.begin(), {{"trace", opt.trace}, {"format", reader->Name()}});
    rep.Set("peak_rss_mb", rss);
    AddLimitConfig(opt, &rep);
    if (!windows) continue;
    eviction::ReplayResult by_window;  // the simulated replay's shape, so the series are the same
    for (size_t w = 0; w < counts[k].size(); ++w) {
      const live::WindowCounts& c = counts[k][w];
      by_window.windows.push_back({plan.cuts.window_ends[w], c.requests, c.misses, c.requested_bytes, c.miss_bytes});
    }
    AddReplayWindows(plan, by_window, &rep);
  }
  SaveOutcome saved;
  if (!opt.no_store) {
    saved = SaveRunsTo(ResolveResultsPath(opt.db), reps);
    PrintSaved(saved);
  }
  std::vector<RunReport> shown = reps;
  if (reps.size() == 2) shown.push_back(Difference(reps[0], reps[1]));
  if (opt.json) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& r : shown) arr.push_back(ReplayJson(r));
    std::cout << arr.dump(2) << "\n";
  } else {
    std::cout << ComparisonTable(shown, {{"backend", "backend"},
                                       {"policy", "policy"},
                                       {"maxmemory", "cache_size"},
                                       {"requests", "requests"},
                                       {"misses", "misses"},
                                       {"hit ratio", "hit_ratio", 4},
                                       {"evictions", "evictions"},
                                       {"used_memory", "used_memory"},
                                       {"Mreq/s", "throughput_mreq_s", 3},
                                       {"client CPU us/req", "client_cpu_us_per_req", 3},
                                       {"failed ops", "failed_ops"}});
  }
  std::cout << std::flush;
  for (const auto& r : reps) WarnFailedOps(r);
  FailIfKeysLeft(saved, cleanup.left);  // after the results are out: they are never lost
}

}  // namespace cachelab::cli
