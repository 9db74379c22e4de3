// `cachelab replay`: replay a trace file against eviction policies and cache
// sizes with the reference simulator's semantics (eviction/replay.h). The
// trace streams through every (policy, size) pair in chunks, in parallel
// (--mrc decodes it whole for the one-pass LRU curve). --backend (live Redis,
// the simulated twin) is cmd_replay_live.cc.
// Every result is saved in one transaction, so a failed replay writes nothing.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/cache_size_arg.h"
#include "cli/commands.h"
#include "lab/run_pool.h"
#include "cli/libcachesim_output.h"
#include "cli/progress_sink.h"
#include "cli/replay_experiment.h"
#include "replay/replay_jobs.h"
#include "cli/replay_options.h"
#include "replay/replay_split_pass.h"
#include "replay/replay_stream.h"
#include "replay/replay_windows.h"
#include "eviction/policy_params.h"
#include "cli/summary_table.h"
#include "cli/save_results.h"
#include "results/result_store.h"
#include "workloads/limited_reader.h"
#include "workloads/trace_format.h"
#include "workloads/trace_loader.h"

namespace cachelab::cli {
namespace {

// The default --mrc sweep: 14 fractions of the working set.
const std::vector<std::string> kSweep = {"0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1",
                                         "0.15",  "0.2",   "0.3",   "0.4",  "0.5",  "0.7",  "0.9"};

double Ratio(uint64_t a, uint64_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

// Whole-command timing: decode and every (policy, size) replay, wall clock.
struct WholeTiming {
  double decode_s = 0, wall_s = 0;
  size_t runs = 1;
};

RunReport ToReport(const ReplayOutcome& o, const ReplayOptions& opt, const std::string& format, double rss,
                   const WholeTiming& whole, const ReplayWindowPlan& plan) {
  const auto& r = o.result;
  RunReport rep;
  rep.kind = "replay";
  // With an admission filter: "lru+bloom/10%".
  const std::string filter = o.job.admission.substr(0, o.job.admission.find(':'));
  rep.label = o.job.policy + (filter.empty() ? "" : "+" + filter) + "/" + o.job.size_text;
  rep.config = {{"trace", opt.trace},          {"format", format},
                {"policy", o.job.policy},      {"cache_size", std::to_string(o.job.capacity)},
                {"size_arg", o.job.size_text}, {"mode", opt.object_mode ? "objects" : "bytes"}};
  if (o.from_stack_distances) rep.config.push_back({"method", "lru stack distances"});
  if (opt.use_ttl) rep.config.push_back({"use_ttl", "true"});
  if (!o.job.admission.empty()) rep.config.push_back({"admission", o.job.admission});
  if (!opt.experiment.empty()) rep.config.push_back({"experiment", opt.experiment});
  for (const auto& item : opt.policy_params)  // as given, so stored runs say which parameters ran
    if (eviction::CanonicalPolicyName(item.substr(0, item.find(':'))) == o.job.policy)
      rep.config.push_back({"policy_params", item.substr(item.find(':') + 1)});
  rep.Set("policy", o.job.policy);
  rep.Set("cache_size", static_cast<int64_t>(o.job.capacity));
  rep.Set("requests", static_cast<int64_t>(r.requests));
  rep.Set("misses", static_cast<int64_t>(r.misses));
  rep.Set("miss_ratio", Ratio(r.misses, r.requests));
  rep.Set("requested_bytes", static_cast<int64_t>(r.requested_bytes));
  rep.Set("miss_bytes", static_cast<int64_t>(r.miss_bytes));
  rep.Set("byte_miss_ratio", Ratio(r.miss_bytes, r.requested_bytes));
  // Zero-byte requests are left out of every count, as libCacheSim's cachesim does (its
  // ignore_size_zero_req): counted here so that a trace's requests add up.
  rep.Set("skipped_zero_size", static_cast<int64_t>(r.skipped_zero_size));
  rep.Set("throughput_mreq_s", r.seconds > 0 ? static_cast<double>(r.requests) / r.seconds / 1e6 : 0.0);
  // Beside the loop's rate: every pair's requests over the whole command's
  // wall time, trace decoding included.
  rep.Set("throughput_whole_mreq_s",
          whole.wall_s > 0 ? static_cast<double>(r.requests) * static_cast<double>(whole.runs) / whole.wall_s / 1e6 : 0.0);
  rep.Set("decode_s", whole.decode_s);
  rep.Set("replay_wall_s", whole.wall_s);
  rep.Set("peak_rss_mb", rss);
  if (opt.use_ttl) rep.Set("expired", static_cast<int64_t>(r.expired));
  if (!o.job.admission.empty()) {
    rep.Set("admission", o.job.admission);
    rep.Set("refused", static_cast<int64_t>(r.refused));
  }
  AddLimitConfig(opt, &rep);
  if (!opt.warmup.empty() || !opt.window.empty()) AddReplayWindows(plan, r, &rep);
  return rep;
}

// One report per policy holding its curve, for the GUI's plot.
RunReport CurveReport(const std::string& policy, const std::vector<const RunReport*>& points, const ReplayOptions& opt,
                      const std::string& format) {
  RunReport rep;
  rep.kind = "replay";
  rep.label = policy + "/mrc";
  rep.config = {{"trace", opt.trace}, {"format", format},
                {"policy", policy},   {"mode", opt.object_mode ? "objects" : "bytes"},
                {"mrc", "true"},      {"shards_rate", std::to_string(opt.shards_rate)}};
  if (!opt.admission.empty()) {
    rep.label = policy + "+" + opt.admission.substr(0, opt.admission.find(':')) + "/mrc";
    rep.config.push_back({"admission", opt.admission});
  }
  const SeriesAxis size_axis = opt.object_mode ? SeriesAxis::kObjects : SeriesAxis::kBytes;  // t = cache size
  Series mrc{"mrc", "miss ratio", {}, {}, size_axis}, bmrc{"byte_mrc", "byte miss ratio", {}, {}, size_axis};
  for (const RunReport* p : points) {
    auto size = static_cast<SimTime>(p->GetNumber("cache_size"));
    mrc.t.push_back(size);
    mrc.v.push_back(p->GetNumber("miss_ratio"));
    bmrc.t.push_back(size);
    bmrc.v.push_back(p->GetNumber("byte_miss_ratio"));
  }
  rep.Set("policy", policy);
  rep.Set("points", static_cast<int64_t>(points.size()));
  if (!points.empty()) rep.Set("requests", static_cast<int64_t>(points.front()->GetNumber("requests")));
  rep.series = {mrc, bmrc};
  return rep;
}

void Execute(const ReplayOptions& given) {
  ShowProgress(given.progress);
  if (given.live.live()) {
    if (!given.admission.empty()) throw UsageError("--admission is not supported with --backend (the server admits)");
    return ExecuteLiveReplay(given);
  }
  if (given.mrc && (!given.window.empty() || !given.warmup.empty()))
    throw UsageError("--window and --warmup apply to replays, not to --mrc curves");
  ReplayOptions opt = given;
  for (auto& p : opt.policies) p = eviction::CanonicalPolicyName(p);
  if (opt.output == "json") opt.json = true;
  if (opt.output != "table" && opt.output != "json" && opt.output != "libcachesim")
    throw UsageError("--output must be table, json or libcachesim (got '" + opt.output + "')");
  if (opt.policies.empty()) throw UsageError("--policy is required");
  for (const auto& p : given.policies) {  // as typed, so the error quotes the user
    std::string error;
    if (!eviction::MakePolicy(p, eviction::PolicyOptions{}, &error)) throw UsageError(error);
  }
  std::map<std::string, eviction::PolicyOptions> options;  // per canonical policy name
  for (const auto& item : opt.policy_params) {
    size_t colon = item.find(':');
    if (colon == std::string::npos)
      throw UsageError("--policy-params '" + item + "': expected POLICY:key=value,... (e.g. s3fifo:small-size=0.2)");
    const std::string p = eviction::CanonicalPolicyName(item.substr(0, colon));
    if (std::find(opt.policies.begin(), opt.policies.end(), p) == opt.policies.end())
      throw UsageError("--policy-params '" + item + "': " + p + " is not among --policy");
    std::string error;
    if (!eviction::ApplyPolicyParams(p, item.substr(colon + 1), &options[p], &error))
      throw UsageError("--policy-params: " + error);
  }
  if (!opt.admission.empty()) {
    std::string error;
    if (!eviction::MakeAdmission(opt.admission, {}, &error)) throw UsageError("--admission: " + error);
  }
  if (opt.sizes.empty() && !opt.mrc) throw UsageError("--size is required (or --mrc for a sweep)");
  // Sampling keeps ids whose 24-bit hash is below rate x 2^24: a smaller rate keeps none.
  if (!(opt.shards_rate >= 1.0 / (1 << 24) && opt.shards_rate <= 1))
    throw UsageError("--shards-rate must be in [2^-24, 1] (6e-8 to 1)");
  auto sizes = ParseCacheSizes(opt.sizes.empty() ? kSweep : opt.sizes, opt.object_mode, opt.libcachesim_units);

  std::string db_path;  // opened now so that a bad --db fails before the replay
  if (!opt.no_store) {
    db_path = ResolveResultsPath(opt.db);
    CheckResultsPath(db_path);
  }

  const auto started = std::chrono::steady_clock::now();
  auto since = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  TraceOpenOptions topen{opt.format, opt.csv_spec, opt.skip_bad};
  std::string error;
  auto reader = OpenTrace(opt.trace, topen, &error);
  if (!reader) throw UsageError(error);
  const SimTime duration = DurationLimit(opt);
  LimitedReader limited(*reader, opt.max_requests, duration);  // the whole trace without the limits
  bool keep_time = false;
  for (const auto& p : opt.policies) keep_time |= p.rfind("redis-", 0) == 0;
  // Without --mrc, --window or --warmup the trace streams through every
  // (policy, size) pair at once (replay/replay_stream.h). The LRU curve needs the
  // whole trace, and so does planning the windows and warm-up (a fraction of
  // the trace, trace-time spans, the series' time axis), so those load it.
  // Only a regular file streams: it ends. A device or pipe may not, so it is
  // loaded, and stops at the memory budget (trace_loader.cc).
  const bool windows = !opt.window.empty() || !opt.warmup.empty();
  std::error_code fs_error;
  const bool regular = std::filesystem::is_regular_file(opt.trace, fs_error);
  const bool stream = !opt.mrc && !windows && regular;
  eviction::ReplayTrace trace;
  ReplayWindowPlan plan;
  eviction::WorkingSet ws;
  eviction::DenseIds ids;  // numbered by the working-set pass, when it runs
  KeptNumbers kept;  // and the first requests' numbers
  bool numbered = false, on_the_fly = false;
  if (stream) {
    bool need_ws = std::find(opt.policies.begin(), opt.policies.end(), "wtinylfu") != opt.policies.end();
    need_ws |= std::find(opt.policies.begin(), opt.policies.end(), "wtinylfu-adaptive") != opt.policies.end();
    for (const auto& s : sizes) need_ws |= s.fraction > 0;
    if (need_ws) {  // one decoding pass first, as cachesim does for fraction sizes
      auto counting = OpenTrace(opt.trace, topen, &error);
      if (!counting) throw UsageError(error);
      LimitedReader counted(*counting, opt.max_requests, duration);
      try {
        std::optional<eviction::WorkingSet> halves;  // a long mapped file: two threads, one half each
        if (!opt.max_requests && !duration)
          halves = SplitWorkingSet(
              *counting,
              [&] {
                auto again = OpenTrace(opt.trace, topen, &error);
                if (!again) throw UsageError(error);
                return again;
              },
              &ids, &kept);
        ws = halves ? *halves : StreamWorkingSet(counted, &ids, &kept);
        numbered = true;
      } catch (const UsageError& e) {
        throw UsageError(NamedError(opt.trace, e.what()));
      }
    } else {
      // Absolute sizes need no first pass. The replay's decoding thread then
      // numbers the ids as they come (new ones get the next numbers), so the
      // replays still look objects up by number, not by hash: ARC on a 10^7
      // hashed-id trace 0.58 -> 0.3 s. Past OnTheFlyIdLimit it replays by id.
      ids.ExpectRequests(limited.RequestCountHint());
      numbered = on_the_fly = true;
    }
  } else {
    if (!LoadReplayTrace(limited, keep_time || windows, &trace, &error, opt.use_ttl))
      throw UsageError(NamedError(opt.trace, error));
    plan = PlanReplayWindows(opt.window, opt.warmup, trace);
    // Policies see times only when they use them, as without --window.
    if (!keep_time && !opt.use_ttl) trace.time_ms = {};
    if (opt.use_ttl && std::none_of(trace.ttl_ms.begin(), trace.ttl_ms.end(), [](int64_t t) { return t > 0; }))
      std::fprintf(stderr, "--use-ttl: %s carries no TTL > 0; nothing will expire\n", opt.trace.c_str());
    for (const auto& p : opt.policies)
      if ((p == "belady" || p == "beladysize") && trace.next.empty())
        throw UsageError(p + " needs next-access times: use an oracleGeneral trace");
    ws = eviction::ComputeWorkingSet(trace);
  }
  WholeTiming whole;
  whole.decode_s = since();

  // Jobs in (policy, size) order; LRU curves come from one stack-distance pass.
  std::vector<ReplayJob> sim_jobs, lru_jobs;
  std::vector<std::pair<bool, size_t>> order;  // (from curve, index)
  for (const auto& p : opt.policies)
    for (const auto& s : sizes) {
      ReplayJob j{p, s.text, ResolveCacheSize(s, ws, opt.object_mode), options[p], opt.admission};
      // Stack distances know no TTLs and no admission.
      bool curve = opt.mrc && p == "lru" && !opt.use_ttl && opt.admission.empty();
      (curve ? lru_jobs : sim_jobs).push_back(j);
      order.push_back({curve, (curve ? lru_jobs : sim_jobs).size() - 1});
    }
  uint64_t mean_bytes = ws.objects ? ws.bytes / ws.objects : 1;
  std::vector<ReplayOutcome> sim;
  std::unique_ptr<FileTraceReader> again;  // the trace reopened for a replay by id, and its limits
  std::optional<LimitedReader> again_limited;
  if (stream) {
    bool any_next = false;
    StreamSettings settings{opt.object_mode, keep_time, opt.use_ttl, mean_bytes, opt.jobs, {},
                            numbered ? &ids : nullptr, numbered ? &kept : nullptr};
    if (on_the_fly) settings.max_ids = OnTheFlyIdLimit(sim_jobs.size());
    try {
      try {
        sim = StreamReplayJobs(limited, sim_jobs, settings, &any_next);
      } catch (const NumberingOutgrown&) {
        std::fprintf(stderr, "%s: more than %llu distinct ids: replaying again by id (memory by the caches)\n",
                     opt.trace.c_str(), static_cast<unsigned long long>(settings.max_ids));
        ids = {};
        again = OpenTrace(opt.trace, topen, &error);
        if (!again) throw UsageError(error);
        again_limited.emplace(*again, opt.max_requests, duration);
        settings.ids = nullptr;
        settings.max_ids = 0;
        sim = StreamReplayJobs(*again_limited, sim_jobs, settings, &any_next);
      }
    } catch (const UsageError& e) {
      throw UsageError(NamedError(opt.trace, e.what()));
    }
    for (const auto& p : opt.policies)
      if ((p == "belady" || p == "beladysize") && !any_next)
        throw UsageError(p + " needs next-access times: use an oracleGeneral trace");
  } else {
    sim = RunReplayJobs(trace, sim_jobs, opt.object_mode, mean_bytes, opt.jobs, opt.use_ttl, plan.cuts);
  }
  const FileTraceReader& read = again ? *again : *reader;  // the reader whose pass counted
  if (read.bad_records())
    std::fprintf(stderr, "skipped %llu malformed record(s) in %s\n",
                 static_cast<unsigned long long>(read.bad_records()), opt.trace.c_str());
  std::vector<ReplayOutcome> lru;
  if (!lru_jobs.empty()) lru = LruCurveJobs(trace, lru_jobs, {opt.object_mode, opt.shards_rate, {}});
  // An empty trace (or one whose every record was skipped) measures nothing:
  // an error, as for `run --trace`, not a row of zeros. (A --warmup longer
  // than a non-empty trace is not an error: the cache was warmed.)
  const bool no_requests = stream ? std::all_of(order.begin(), order.end(),
                                                [&](const std::pair<bool, size_t>& o) {
                                                  return (o.first ? lru[o.second] : sim[o.second]).result.requests == 0;
                                                })
                                  : trace.ids.empty();
  if (!order.empty() && no_requests)
    throw UsageError(opt.trace + ": the trace has no requests to replay" +
                     (read.bad_records() ? " (every record was malformed and skipped)" : ""));
  if (!order.empty() && !no_requests && !opt.warmup.empty() && sim.size() + lru.size() > 0 &&
      (sim.empty() ? lru : sim).front().result.requests == 0)
    std::fprintf(stderr, "warning: --warmup %s took the whole trace (%zu requests): nothing was measured\n",
                 opt.warmup.c_str(), trace.ids.size());
  uint64_t zero_size = 0;
  for (auto [curve, i] : order) zero_size = std::max(zero_size, (curve ? lru[i] : sim[i]).result.skipped_zero_size);
  if (zero_size)
    std::fprintf(stderr, "skipped %llu zero-size request(s) in %s (as libCacheSim does; not in requests, see "
                 "skipped_zero_size)\n", static_cast<unsigned long long>(zero_size), opt.trace.c_str());
  const std::string format = reader->Name();
  whole.wall_s = since();
  whole.runs = order.size();
  double rss = PeakRssMb();
  std::vector<RunReport> reports;
  for (auto [curve, i] : order)
    reports.push_back(ToReport(curve ? lru[i] : sim[i], opt, format, rss, whole, plan));

  std::vector<RunReport> to_save = reports;
  if (opt.mrc) {
    to_save.clear();
    std::ofstream csv;
    if (!opt.mrc_out.empty()) {
      csv.open(opt.mrc_out);
      if (!csv) throw UsageError(opt.mrc_out + ": cannot write");
      csv << "policy,cache_size,miss_ratio,byte_miss_ratio,misses,requests\n";
    }
    for (const auto& p : opt.policies) {
      std::vector<const RunReport*> pts;
      for (const auto& r : reports)
        if (r.ConfigValue("policy") == p) pts.push_back(&r);
      std::sort(pts.begin(), pts.end(),
                [](auto* a, auto* b) { return a->GetNumber("cache_size") < b->GetNumber("cache_size"); });
      for (auto* r : pts)
        if (csv.is_open())
          csv << p << ',' << static_cast<int64_t>(r->GetNumber("cache_size")) << ',' << r->GetNumber("miss_ratio")
              << ',' << r->GetNumber("byte_miss_ratio") << ',' << static_cast<int64_t>(r->GetNumber("misses")) << ','
              << static_cast<int64_t>(r->GetNumber("requests")) << '\n';
      to_save.push_back(CurveReport(p, pts, opt, format));
    }
  }
  SaveOutcome saved;
  if (!opt.no_store) {
    saved = SaveRunsTo(db_path, to_save);
    PrintSaved(saved);
  }
  if (opt.json) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const auto& r : reports) arr.push_back(ReplayJson(r));
    std::cout << arr.dump(2) << "\n";
  } else if (opt.output == "libcachesim") {
    std::vector<LibCacheSimRow> rows;
    for (auto [curve, i] : order) {
      const ReplayOutcome& o = curve ? lru[i] : sim[i];
      char s3[48];  // S3FIFO's cachesim name carries its parameters
      std::snprintf(s3, sizeof s3, "%.4f-%d", o.job.options.s3fifo_small_ratio,
                    o.job.options.s3fifo_move_to_main_threshold);
      if (o.job.policy == "qdlp")  // QDLP's too: fifo and ghost ratios, main cache, threshold
        std::snprintf(s3, sizeof s3, "%.4f-%.4f-Clock2-%d", o.job.options.qdlp_fifo_ratio,
                      o.job.options.qdlp_ghost_ratio, o.job.options.qdlp_move_to_main_threshold);
      rows.push_back({o.job.policy, s3, o.job.capacity, o.result.requests, o.result.misses, o.result.requested_bytes,
                      o.result.miss_bytes});
    }
    std::cout << LibCacheSimResultLines(opt.trace, rows, opt.object_mode);
  } else {
    std::vector<Column> columns = {{"policy", "policy"},
                                        {"cache size", "cache_size"},
                                        {"requests", "requests"},
                                        {"misses", "misses"},
                                        {"miss ratio", "miss_ratio", 4},
                                        {"byte miss ratio", "byte_miss_ratio", 4},
                                        {"Mreq/s", "throughput_mreq_s", 1},
                                        {"peak RSS MB", "peak_rss_mb", 1}};
    if (!opt.admission.empty()) columns.insert(columns.begin() + 1, {{"admission", "admission"}, {"refused", "refused"}});
    std::cout << ComparisonTable(reports, columns);
  }
  std::cout << std::flush;
  FailIfUnsaved(saved);  // after the results are out: they are never lost
}

}  // namespace

void AddReplayCommand(CLI::App& app) {
  auto o = std::make_shared<ReplayOptions>();
  CLI::App* cmd = app.add_subcommand("replay", "Replay a cache trace against eviction policies and cache sizes");
  cmd->add_option("--trace", o->trace,
                  "trace file (.zst, .gz, .xz, .bz2 are decompressed transparently); required, here or in --experiment");
  cmd->add_option("--experiment", o->experiment,
                  "replay experiment file (TOML, one [replay] table: trace, policy, size, policy-params, admission, "
                  "...); flags given here win over it");
  cmd->add_option("--format", o->format,
                  "oracleGeneral, vscsi, txt, csv, twitter, kvcache, cdn, cache2k, scarab, lcs, lirs, arc, address, snia-tencent-photo; any case, libCacheSim's "
                  "aliases too (default: from the file name and a csv header)");
  cmd->add_option(
      "--csv-spec", o->csv_spec,
      "csv columns, e.g. \"time-col=2,obj-id-col=5,obj-size-col=4,has-header=true\" (default: header names)");
  cmd->add_option("--policy", o->policies, "eviction policies, comma-separated (with --backend: the server's, checked)")
      ->delimiter(',');
  cmd->add_option("--size", o->sizes,
                  "cache sizes, comma-separated: bytes (KiB/MiB/GiB = 2^10n, KB/MB/GB = 10^3n, any case), objects with "
                  "--ignore-obj-size, or a fraction < 1 of the working set")
      ->delimiter(',');
  cmd->add_option("--policy-params", o->policy_params,
                  "POLICY:key=value,... as cachesim's -e, repeatable: s3fifo (fifo-size-ratio or small-size, "
                  "ghost-size-ratio, move-to-main-threshold), twoq (ain-size-ratio, aout-size-ratio), wtinylfu and wtinylfu-adaptive "
                  "(window-ratio), hyperbolic (n-sample, seed), mq (num-queues, lifetime, out-size-ratio), lecar "
                  "(learning-rate, lru-weight, update-weight, seed), clockpro (min-cold-ratio), lhd (associativity, "
                  "admissions, seed), lruk (k), qdlp (fifo-size-ratio, ghost-size-ratio, move-to-main-threshold), "
                  "beladysize (n-sample), cacheus (lru-weight, learning-rate, seed, libcachesim-draws)");
  cmd->add_option("--admission", o->admission,
                  "admission filter in front of every policy, NAME[:key=value,...]: bloom (fp=0.001, items=65536; "
                  "fp=0: exact, as cachesim's bloom-filter), prob (p=0.5, seed), size (size=BYTES: admit smaller), "
                  "adaptsize (interval=500000, seed)");
  cmd->add_option("--output", o->output,
                  "table (default), json (as --json), or libcachesim: cachesim's result lines, for its plot scripts");
  cmd->add_flag("--libcachesim-units", o->libcachesim_units,
                "read KB/MB/GB/TB (any case) and K/M/G/T as 2^10n bytes, as cachesim does (default: KB = 10^3, KiB = "
                "2^10)");
  cmd->add_flag("--use-ttl", o->use_ttl,
                "objects expire at the trace's TTL (twitter, lcs ttl field): lazily, on access, as libCacheSim; "
                "every policy");
  cmd->add_flag("--ignore-obj-size", o->object_mode, "object mode: every object has size 1, sizes count objects");
  cmd->add_flag("--skip-bad", o->skip_bad, "count and skip malformed records instead of stopping");
  cmd->add_flag("--progress", o->progress, "progress lines on stderr even when it is not a terminal");
  cmd->add_flag("--json", o->json, "print one JSON object per (policy, size)");
  cmd->add_option("--db", o->db, "results file (default: $CACHELAB_DB or ./cachelab-results.db)");
  cmd->add_flag("--no-store", o->no_store, "do not write the results store");
  cmd->add_flag("--mrc", o->mrc,
                "miss-ratio curves: sweep sizes (default 14 fractions of the working set); LRU in one pass");
  cmd->add_option("--mrc-out", o->mrc_out, "write the curves as CSV to this file");
  cmd->add_option("--shards-rate", o->shards_rate,
                  "SHARDS sampling rate for the one-pass LRU curve (default 1: exact)");
  cmd->add_option("--jobs", o->jobs, "parallel replays (default: all cores)")
      ->check(CLI::Range(0u, kMaxJobs));
  cmd->add_option("--window,--report-interval", o->window,
                  "miss ratio per window of N requests or of trace time (e.g. 10000, 60s), stored as series");
  cmd->add_option("--warmup", o->warmup,
                  "requests that fill the cache but count in no metric: N requests, a fraction (20%) or trace time (30s)");
  cmd->add_option("--max-requests", o->max_requests, "replay only the first N requests of the trace, warm-up included");
  cmd->add_option("--duration", o->duration, "replay only the first T of trace time (e.g. 600s), warm-up included");
  o->live.Attach(cmd);
  o->live.AttachReplay(cmd);
  cmd->add_flag("--compare-live", o->compare_live,
                "with a live --backend: also replay on the simulated Redis, configured like the server (maxmemory, "
                "policy, samples, latency-tracking, used_memory) and on its schedule; print both and sim - live")
      ->group("live Redis");
  cmd->callback([o, cmd] {
    ReplayOptions opt = *o;
    if (!opt.experiment.empty()) {
      const ReplayFileValues f = LoadReplayExperiment(opt.experiment);
      auto take = [&](const char* flag, auto& field, const auto& value) {
        if (value && cmd->count(flag) == 0) field = *value;
      };
      take("--trace", opt.trace, f.trace);
      take("--format", opt.format, f.format);
      take("--csv-spec", opt.csv_spec, f.csv_spec);
      take("--admission", opt.admission, f.admission);
      take("--window", opt.window, f.window);
      take("--warmup", opt.warmup, f.warmup);
      take("--policy", opt.policies, f.policies);
      take("--size", opt.sizes, f.sizes);
      take("--policy-params", opt.policy_params, f.policy_params);
      if (cmd->count("--policy") && !cmd->count("--policy-params")) {
        // --policy narrowed the file's policies: their parameters go with them.
        std::erase_if(opt.policy_params, [&](const std::string& item) {
          const std::string p = eviction::CanonicalPolicyName(item.substr(0, item.find(':')));
          return std::none_of(opt.policies.begin(), opt.policies.end(),
                              [&](const std::string& q) { return eviction::CanonicalPolicyName(q) == p; });
        });
      }
      take("--ignore-obj-size", opt.object_mode, f.object_mode);
      take("--use-ttl", opt.use_ttl, f.use_ttl);
      take("--libcachesim-units", opt.libcachesim_units, f.libcachesim_units);
      take("--skip-bad", opt.skip_bad, f.skip_bad);
      take("--jobs", opt.jobs, f.jobs);
    }
    if (opt.trace.empty()) throw UsageError("--trace is required (on the command line or in --experiment)");
    Execute(opt);
  });
}

}  // namespace cachelab::cli
