// `cachelab demo list` and `cachelab demo NAME`: the narrative first, then the
// runs, the comparison table and a conclusion drawn from the measured numbers.
// The runs go to the results store (kind "demo") for the dashboard's guided pages.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "lab/run_pool.h"
#include "cli/summary_table.h"
#include "demos/demo.h"
#include "cli/save_results.h"
#include "results/result_store.h"

namespace cachelab::cli {
namespace {

struct DemoOptions {
  std::string name, db;
  bool no_store = false;
  unsigned jobs = 0;
};

std::string Wrap(const std::string& text, size_t width = 78) {
  std::istringstream words(text);
  std::string out, line;
  for (std::string w; words >> w;) {
    if (!line.empty() && line.size() + 1 + w.size() > width) out += line + "\n", line.clear();
    line += (line.empty() ? "" : " ") + w;
  }
  return out + line + "\n";
}

void List() {
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : Demos()) {
    std::string missing = d.missing();
    rows.push_back({d.name, d.title, missing.empty() ? "ready" : "needs " + missing.substr(0, missing.find(" ("))});
  }
  std::cout << FormatTable({"demo", "what it shows", "status"}, rows) << "\nRun one: cachelab demo NAME\n";
}

void Execute(const DemoOptions& o) {
  if (o.name == "list") return List();
  const Demo* d = FindDemo(o.name);
  if (!d) {
    std::string names;
    for (const auto& x : Demos()) names += (names.empty() ? "" : ", ") + x.name;
    throw UsageError("no demo '" + o.name + "' (demos: " + names + ")");
  }
  if (std::string missing = d->missing(); !missing.empty())
    throw std::runtime_error("demo '" + d->name + "' needs " + missing + ", not available yet");
  std::string db_path;  // opened now so that a bad --db fails before the runs
  if (!o.no_store) {
    db_path = ResolveResultsPath(o.db);
    CheckResultsPath(db_path);
  }
  std::cout << "== " << d->title << " ==\n\n" << Wrap(d->narrative) << "\n" << std::flush;
  DemoResult r = d->run(o.jobs);
  LabelDemoReports(*d, &r);
  std::vector<Column> columns;
  for (const auto& c : r.columns) columns.push_back({c.header, c.field, c.precision});
  std::cout << ComparisonTable(r.reports, columns) << "\n" << Wrap(r.conclusion) << std::flush;
  if (!o.no_store) {
    SaveOutcome saved = SaveRunsTo(db_path, r.reports);
    PrintSaved(saved);
    FailIfUnsaved(saved);  // the table above is printed already
  }
}

}  // namespace

void AddDemoCommand(CLI::App& app) {
  auto o = std::make_shared<DemoOptions>();
  CLI::App* cmd = app.add_subcommand("demo", "Teaching demos: cachelab demo list | cachelab demo NAME");
  cmd->add_option("name", o->name, "list, or a demo's name")->required();
  cmd->add_option("--db", o->db, "results file (default: $CACHELAB_DB or ./cachelab-results.db)");
  cmd->add_flag("--no-store", o->no_store, "do not write the results store");
  cmd->add_option("--jobs", o->jobs, "parallel runs (default: all cores)")
      ->check(CLI::Range(0u, kMaxJobs));
  cmd->callback([o] { Execute(*o); });
}

}  // namespace cachelab::cli
