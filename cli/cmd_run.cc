// `cachelab run`: one experiment, or a comparison when a comparison parameter
// (e.g. --strategy) is a list or "all". Results go to the SQLite store in one
// transaction after every run has finished; nothing is written on error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/cluster_table.h"
#include "cli/commands.h"
#include "lab/run_pool.h"
#include "cli/invalidation_table.h"
#include "cli/live_flags.h"
#include "cli/keys_left.h"
#include "cli/live_run.h"
#include "cli/pair_notes.h"
#include "cli/param_flags.h"
#include "cli/progress_json.h"
#include "cli/progress_sink.h"
#include "cli/summary_table.h"
#include "lab/batch.h"
#include "lab/param_scope.h"
#include "lab/run_identity.h"
#include "results/report_json.h"
#include "cli/save_results.h"
#include "results/result_store.h"
#include "results/run_key.h"

namespace cachelab::cli {
namespace {

struct RunOptions {
  ParamFlags params;
  bool json = false;
  bool no_store = false;
  bool progress = false;  // JSON lines on stderr for the dashboard
  std::string db;
  unsigned jobs = 0;
  LiveFlags live;  // --backend: on live Redis, paced in real time
};

void PrintProgress(const Progress& p) {
  // A redraw a tenth of a second is enough for the eye, whatever the run's pace.
  static auto next = std::chrono::steady_clock::time_point{};
  auto now = std::chrono::steady_clock::now();
  if (now < next) return;
  next = now + std::chrono::milliseconds(100);
  std::fprintf(stderr, "\r  %5.1f%%  %llu / %llu requests  (%.1f s simulated)", 100.0 * p.done / p.total,
               static_cast<unsigned long long>(p.done), static_cast<unsigned long long>(p.total), p.sim_seconds);
  std::fflush(stderr);
}

// Columns for what the runs compare: stampede guards get load-per-expiry
// figures, strategies get staleness and lost writes.
std::vector<Column> ComparisonColumns(const std::vector<RunReport>& reports) {
  auto varies = [&](const char* key) {
    for (const auto& r : reports)
      if (r.ConfigValue(key) != reports.front().ConfigValue(key)) return true;
    return false;
  };
  std::vector<Column> cols;
  for (const char* key : {"strategy", "invalidation", "stampede"})
    if (varies(key)) cols.push_back({key, key});
  if (cols.empty()) cols.push_back({"run", "strategy"});
  if (varies("invalidation") && !varies("stampede")) return InvalidationComparisonColumns(std::move(cols));
  if (varies("stampede") || reports.front().ConfigValue("scenario") != "none") {
    for (Column c : std::vector<Column>{{"loads/expiry", "loads_per_expiry_mean", 3},
                                        {"var", "loads_per_expiry_var", 3},
                                        {"max", "loads_per_expiry_max"},
                                        {"expiries", "expiry_episodes"},
                                        {"peak db qps", "peak_db_qps", 0},
                                        {"user misses", "user_misses"},
                                        {"stale serves", "stale_serves"},
                                        {"lock waits", "lock_waits"},
                                        {"p50 us", "read_latency_us.p50", 0},
                                        {"p99 us", "read_latency_us.p99", 0},
                                        {"p99.9 us", "read_latency_us.p999", 0}})
      cols.push_back(c);
    return cols;
  }
  for (Column c : std::vector<Column>{{"hit ratio", "hit_ratio", 4},
                                      {"read p99 us", "read_latency_us.p99", 0},
                                      {"write p99 us", "write_latency_us.p99", 0},
                                      {"db reads", "db_reads"},
                                      {"db writes", "db_writes"},
                                      {"stale reads", "stale_reads"},
                                      {"stale ratio", "stale_read_ratio", 5},
                                      {"stale p99 ms", "staleness_ms.p99", 1},
                                      {"lost writes", "lost_writes"},
                                      {"fallbacks", "fallbacks"}})
    cols.push_back(c);
  return cols;
}

void PrintResults(const RunOptions& o, const std::vector<RunReport>& reports);

void Execute(const RunOptions& o) {
  // Validation indexes a --trace (once, shared by the runs): its progress comes first.
  if (o.progress) ShowProgressJson();
  else ShowProgress(false);
  std::vector<Params> runs;
  try {
    runs = ExpandComparisons(o.params.ToParams());
    CheckScopes(runs, {{"backend", o.live.live() ? "live" : "sim"}});
    for (const auto& p : runs) ValidateParams(p, o.live.live());
  } catch (const ParamError& e) {
    throw UsageError(e.what());
  }
  // Open the store before running, so a bad --db fails fast.
  std::string db_path;
  if (!o.no_store) {
    db_path = ResolveResultsPath(o.db);
    CheckResultsPath(db_path);
  }
  bool tty = isatty(STDERR_FILENO);
  std::vector<RunReport> reports;
  std::vector<std::string> keys_left;  // a live run's failed cleanup, per node
  ProgressJson progress_json;
  if (o.progress) tty = false;
  if (o.live.live()) {
    reports = RunLiveExperiments(runs, o.live, tty ? ProgressFn(PrintProgress) : ProgressFn(), &keys_left);
    if (tty) std::fprintf(stderr, "\r%70s\r", "");
  } else if (runs.size() == 1) {
    ProgressFn fn = o.progress ? ProgressFn([&](const Progress& p) { progress_json.OnProgress(p); })
                               : tty ? ProgressFn(PrintProgress) : ProgressFn();
    reports.push_back(RunExperiment(runs[0], fn));
    if (tty) std::fprintf(stderr, "\r%70s\r", "");
  } else {
    reports = RunBatch(runs, o.jobs, [&](uint64_t done, uint64_t total) {
      if (o.progress) return ProgressJson::OnRuns(done, total);
      std::fprintf(stderr, tty ? "\r  %llu / %llu runs done" : "  %llu / %llu runs done\n",
                   static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
    });
    if (tty) std::fprintf(stderr, "\n");
  }
  for (const RunReport& r : reports)  // stored all the same: a sweep's cell stays a cell
    if (r.GetNumber("requests") == 0 && r.GetNumber("warmup_requests") > 0)
      std::fprintf(stderr, "warning: %s: the warm-up took all %lld requests, nothing was measured (make --warmup "
                   "smaller than --requests)\n", r.label.empty() ? "run" : r.label.c_str(),
                   static_cast<long long>(r.GetNumber("warmup_requests")));
  // A simulated run is a function of its parameters and seed: its run key
  // (the one sweeps use) keeps the same run from being stored twice.
  if (!o.live.live())
    for (size_t i = 0; i < reports.size() && i < runs.size(); ++i) reports[i].run_key = RunKeyOf(RunIdentity(runs[i]));
  SaveOutcome saved;
  if (!o.no_store) {
    saved = SaveRunsTo(db_path, reports);
    PrintSaved(saved);
    if (o.progress && saved.error.empty()) ProgressJson::OnSaved(saved.ids, db_path);
  }
  PrintResults(o, reports);
  FailIfKeysLeft(saved, keys_left);  // after the results are out: they are never lost
}

void PrintResults(const RunOptions& o, const std::vector<RunReport>& reports) {
  if (o.json) {
    auto with_events = [](const RunReport& r) {  // the summary fields, then the run's events
      nlohmann::ordered_json j = FieldsToJson(r);
      j["events"] = EventsToJson(r);
      return j;
    };
    if (reports.size() == 1) {
      std::cout << with_events(reports[0]).dump(2) << "\n";
    } else {
      nlohmann::ordered_json arr = nlohmann::ordered_json::array();
      for (const auto& r : reports) arr.push_back(with_events(r));
      std::cout << arr.dump(2) << "\n";
    }
    std::cout << std::flush;
    return;
  }
  if (reports.size() == 1) {
    std::cout << RunSummary(reports[0]);
    if (IsClusterRun(reports[0])) std::cout << ClusterSummary(reports[0]);
  } else if (IsClusterRun(reports[0])) {
    std::cout << ComparisonTable(reports, ClusterComparisonColumns());
  } else {
    std::cout << AnnotatedComparisonTable(reports, ComparisonColumns(reports));
  }
  std::cout << std::flush;
}

}  // namespace

void AddRunCommand(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* cmd = app.add_subcommand("run", "Run a simulated experiment (defaults: cache-aside, Zipf 0.99 over 100,000 keys, 1,000,000 requests, 90% reads)");
  o->params.Attach(cmd);
  cmd->add_flag("--json", o->json, "print the summary as JSON on stdout");
  cmd->add_option("--db", o->db, "results file (default: $CACHELAB_DB or ./cachelab-results.db)");
  cmd->add_flag("--no-store", o->no_store, "do not write the results store");
  cmd->add_flag("--progress", o->progress, "machine-readable progress and live series on stderr, JSON lines (for cachelab-gui)");
  cmd->add_option("--jobs", o->jobs, "parallel runs when comparing (default: all cores)")
      ->check(CLI::Range(0u, kMaxJobs));
  o->live.Attach(cmd);
  cmd->callback([o] { Execute(*o); });
}

}  // namespace cachelab::cli
