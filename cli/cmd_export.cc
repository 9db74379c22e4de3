// `cachelab export --db FILE [--run ID] --format csv|json [--out FILE]`:
// without --run, one summary row per stored run; with --run, that run: its
// time series as CSV, or everything (summary, config, series, histograms,
// events) as JSON.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "results/export.h"
#include "results/report_json.h"
#include "results/result_store.h"

namespace cachelab::cli {
namespace {

struct ExportOptions {
  std::string db, format, out;
  int64_t run = 0;
};

void Execute(const ExportOptions& o) {
  std::string path = ResolveResultsPath(o.db);
  if (!std::ifstream(path)) throw UsageError("no results file '" + path + "'");
  ResultStore store(path, /*read_only=*/true);
  std::string text;
  if (o.run > 0) {
    RunReport r;
    try {
      r = store.LoadRun(o.run);
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());
    }
    if (o.format == "csv") {
      text = SeriesCsv(r);
    } else {
      nlohmann::ordered_json j;
      j["id"] = o.run;
      j.update(ReportToJson(r));
      text = j.dump(2) + "\n";
    }
  } else {
    auto runs = store.ListRuns();
    text = o.format == "csv" ? SummariesCsv(runs) : SummariesJson(runs).dump(2) + "\n";
  }
  if (o.out.empty() || o.out == "-") {
    std::cout << text;
    return;
  }
  std::ofstream f(o.out, std::ios::binary);
  if (!(f << text)) throw std::runtime_error("cannot write '" + o.out + "'");
}

}  // namespace

void AddExportCommand(CLI::App& app) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Export stored runs: summaries of all runs, or one run's time series (csv) / everything (json)");
  cmd->add_option("--db", o->db, "results file (default: $CACHELAB_DB or ./cachelab-results.db)");
  cmd->add_option("--run", o->run, "one run's id (see the id column of the summary export)");
  cmd->add_option("--format", o->format, "csv or json")->required()->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("--out,-o", o->out, "output file (default: stdout)");
  cmd->callback([o] { Execute(*o); });
}

}  // namespace cachelab::cli
