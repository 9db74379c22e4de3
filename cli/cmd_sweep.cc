// `cachelab sweep FILE`: every run of an experiment file (the Cartesian
// product of its lists, times its replications), in parallel. Each finished
// run is stored at once under its run key, so an interrupted sweep keeps what
// it finished and running it again only runs the missing keys.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/progress_sink.h"
#include "cli/shell_quote.h"
#include "cli/summary_table.h"
#include "cli/sweep_progress.h"
#include "cli/sweep_summary.h"
#include "lab/experiment_file.h"
#include "lab/memory_budget.h"
#include "lab/run_identity.h"
#include "lab/run_pool.h"
#include "results/result_store.h"
#include "results/run_key.h"
#include "sim/progress_meter.h"

namespace cachelab::cli {
namespace {

struct SweepOptions {
  std::string file, db, list_dir = "sweep-results";
  bool no_store = false;
  bool dry_run = false, list = false, json = false, progress = false;
  unsigned jobs = 0;
};

std::atomic<bool> g_stop{false};

// Dry runs up to this many runs print as one aligned table.
constexpr size_t kTableRuns = 10000;

extern "C" void OnInterrupt(int sig) {
  g_stop = true;
  std::signal(sig, SIG_DFL);  // a second Ctrl-C kills at once (finished runs are stored anyway)
}

std::string RunLabel(const ExperimentFile& f, const SweepRun& run, const RunReport& r) {
  std::string label = PointLabel(f, run.params);
  if (label.empty()) label = r.label;
  if (f.sweep.replications > 1) label += " #" + std::to_string(run.replication + 1);
  return label;
}

// One row per run. A small sweep is laid out like every other table; a long
// one streams rows with widths known in advance, so 1,000,000 runs print in
// seconds without holding them.
void DryRun(const ExperimentFile& f) {
  std::vector<std::string> headers{"#", "run key", "seed"};
  for (const auto& a : f.axes) headers.push_back(a.param);
  auto row_of = [&](size_t i) {
    SweepRun run = f.Run(i);
    std::vector<std::string> row{std::to_string(i + 1), RunKeyOf(RunIdentity(run.params)), run.params.Raw("seed")};
    for (const auto& a : f.axes) row.push_back(run.params.Raw(a.param));
    return row;
  };
  size_t count = f.RunCount();
  ProgressMeter meter("dry run", "runs", count, 1024);
  if (count <= kTableRuns) {
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < count; ++i) rows.push_back(row_of(i));
    std::cout << FormatTable(headers, rows);
    return;
  }
  std::vector<size_t> width;
  for (const auto& h : headers) width.push_back(h.size());
  width[0] = std::max(width[0], std::to_string(count).size());
  width[1] = std::max(width[1], RunKeyOf(RunIdentity(f.base)).size());
  width[2] = std::max<size_t>(width[2], 20);  // any 64-bit seed
  for (size_t a = 0; a < f.axes.size(); ++a)
    for (const auto& v : f.axes[a].values) width[3 + a] = std::max(width[3 + a], v.size());
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out += "  ";
      out += cells[c] + std::string(width[c] > cells[c].size() ? width[c] - cells[c].size() : 0, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::cout << line(headers);
  size_t total = 0;
  for (size_t w : width) total += w + 2;
  std::cout << std::string(total - 2, '-') << "\n";
  for (size_t i = 0; i < count; ++i) {
    meter.Tick(i);
    std::cout << line(row_of(i));
  }
  meter.Finish(count);
}

// One self-contained command per run, for GNU parallel, Slurm arrays, ...:
// only the parameters that differ from the defaults, plus the seed.
void ListCommands(const ExperimentFile& f, const std::string& dir) {
  ProgressMeter meter("listing commands", "runs", f.RunCount(), 1024);
  for (size_t i = 0; i < f.RunCount(); ++i) {
    meter.Tick(i);
    SweepRun run = f.Run(i);
    std::string cmd = "cachelab run";
    for (const auto& [k, v] : run.params.All())
      if (k == "seed" || !run.params.IsDefault(k)) cmd += " --" + k + " " + ShellQuote(v);
    cmd += " --db " + ShellQuote(dir + "/run-" + RunKeyOf(RunIdentity(run.params)) + ".db");
    std::cout << cmd << "\n";
  }
  meter.Finish(f.RunCount());
}

void Execute(const SweepOptions& o) {
  ShowProgress(o.progress);
  ExperimentFile f;
  try {
    f = LoadExperimentFile(o.file);
  } catch (const ExperimentFileError& e) {
    throw UsageError(e.what());
  }
  if (o.dry_run) {
    DryRun(f);
    std::cout << f.RunCount() << " run" << (f.RunCount() == 1 ? "" : "s") << " (" << f.PointCount() << " points x "
              << f.sweep.replications << " replications); nothing was run\n";
    return;
  }
  if (o.list) return ListCommands(f, o.list_dir);
  // The summary holds every run's parameters and report (their series and
  // histograms): about 64 KiB a run. Refuse what cannot fit before starting.
  double need = static_cast<double>(f.RunCount()) * 64 * 1024;
  if (need > 0.8 * static_cast<double>(AvailableMemory()))
    throw UsageError(o.file + ": " + std::to_string(f.RunCount()) + " runs need about " + FormatBytes(need) +
                     " of memory for the summary; " + FormatBytes(static_cast<double>(AvailableMemory())) +
                     " is available (split the sweep, or run `cachelab sweep --list` through GNU parallel)");
  std::vector<SweepRun> runs = f.Expand();

  std::unique_ptr<ResultStore> store;  // none with --no-store: every run is run, nothing kept
  if (!o.no_store) store = std::make_unique<ResultStore>(ResolveResultsPath(o.db));
  std::map<std::string, int64_t> stored;
  if (store) stored = store->RunKeys();
  std::vector<std::string> keys;
  std::vector<Params> pending;
  std::vector<size_t> pending_index;
  for (size_t i = 0; i < runs.size(); ++i) {
    keys.push_back(RunKeyOf(RunIdentity(runs[i].params)));
    if (!stored.count(keys[i])) pending.push_back(runs[i].params), pending_index.push_back(i);
  }
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::string where = store ? std::to_string(runs.size() - pending.size()) + " already in " + store->path()
                                  : std::string("not stored (--no-store)");
  std::fprintf(stderr, "sweep '%s': %zu runs (%zu points x %llu replications), %s; running %zu on %u job%s\n",
               f.sweep.name.empty() ? o.file.c_str() : f.sweep.name.c_str(), runs.size(), f.PointCount(),
               static_cast<unsigned long long>(f.sweep.replications), where.c_str(), pending.size(), jobs,
               jobs == 1 ? "" : "s");

  std::vector<RunReport> fresh(runs.size());
  std::vector<bool> have(runs.size(), false);
  SweepProgress progress(pending.size(), isatty(STDERR_FILENO));
  g_stop = false;
  auto old_int = std::signal(SIGINT, OnInterrupt);
  auto old_term = std::signal(SIGTERM, OnInterrupt);
  size_t saved = 0, unsaved = 0;
  std::string save_error;
  RunEach(pending, jobs, [&](size_t j, RunReport& r) {
    size_t i = pending_index[j];
    r.run_key = keys[i];
    r.label = RunLabel(f, runs[i], r);
    r.Set("sweep", f.sweep.name);
    r.Set("replication", static_cast<int64_t>(runs[i].replication));
    // Another process sweeping the same file into the same store may have got
    // there first: the store's UNIQUE run_key then keeps the one copy.
    try {
      if (store) store->SaveRun(r);
      ++saved;
    } catch (const std::exception& e) {  // kept in memory: summarised below, then reported
      ++unsaved;
      save_error = e.what();
    }
    progress.Done(r.label);
    fresh[i] = std::move(r);
    have[i] = true;
  }, &g_stop);
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  progress.Finish();
  if (g_stop) {
    if (store)
      std::fprintf(stderr, "interrupted: %zu runs stored in %s, %zu left; run the same command again to resume\n",
                   runs.size() - pending.size() + saved, store->path().c_str(), pending.size() - saved);
    else
      std::fprintf(stderr, "interrupted after %zu of %zu runs; nothing stored (--no-store)\n", saved, pending.size());
    store.reset();
    std::exit(130);
  }

  std::vector<const RunReport*> reports(runs.size(), nullptr);
  std::vector<RunReport> loaded;
  loaded.reserve(runs.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    if (have[i]) reports[i] = &fresh[i];
    else if (auto it = stored.find(keys[i]); it != stored.end()) reports[i] = &loaded.emplace_back(store->LoadRun(it->second));
  }
  if (o.json) {
    std::cout << SweepSummaryJson(f, runs, reports).dump(2) << "\n";
  } else {
    if (!f.sweep.description.empty()) std::cout << f.sweep.description << "\n\n";
    std::cout << SweepSummaryTable(f, runs, reports);
  }
  if (store)
    std::fprintf(stderr, "results: %s (cachelab export --db %s --format csv)\n", store->path().c_str(),
                 store->path().c_str());
  if (unsaved)
    throw std::runtime_error(std::to_string(unsaved) + " finished run" + (unsaved == 1 ? " was" : "s were") +
                             " NOT saved (shown above): " + save_error + "; run the same command again to redo them");
}

}  // namespace

void AddSweepCommand(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  CLI::App* cmd = app.add_subcommand("sweep", "Run every combination of an experiment file (TOML; see experiments/reference.toml)");
  cmd->add_option("file", o->file, "experiment file")->required();
  cmd->add_flag("--dry-run", o->dry_run, "list the runs without running them");
  cmd->add_flag("--list", o->list, "print one self-contained `cachelab run` command per run (for GNU parallel, Slurm, ...)");
  cmd->add_option("--list-dir", o->list_dir, "with --list: directory of the per-run results files")->default_str("sweep-results");
  cmd->add_option("--jobs,-j", o->jobs, "parallel runs (default: all cores)")
      ->check(CLI::Range(0u, kMaxJobs));
  cmd->add_flag("--progress", o->progress,
                "progress lines on stderr even when it is not a terminal (dry runs, lists, a --trace's indexing)");
  cmd->add_flag("--json", o->json, "print the per-point summary (mean and 95% CI of each metric) as JSON");
  cmd->add_option("--db", o->db, "results file (default: $CACHELAB_DB or ./cachelab-results.db)");
  cmd->add_flag("--no-store", o->no_store, "run every point and print the summary; store nothing (no resume)");
  cmd->callback([o] { Execute(*o); });
}

}  // namespace cachelab::cli
