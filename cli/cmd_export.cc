// `cachelab export`: stored runs for other tools.
//   --format csv            long (tidy) summary: run_id,kind,label,name,unit,value
//   --format csv --run ID   long series: run_id,series,unit,t_s,value,axis,t (--series: every run's);
//                           t_s is empty for a series that is no time (axis requests, rank, ...)
//   --wide                  the wide forms: a row per run / a column per series
//   --format json           summaries, or the whole run with --run; --json-format memtier
//   --hgrm DIR              HdrHistogram percentile distributions, one .hgrm per run and operation
//                           (run-<id>-read.hgrm, -write.hgrm, and -latency.hgrm for all of them)
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "results/export.h"
#include "results/report_json.h"
#include "results/result_store.h"

namespace cachelab::cli {
namespace {

struct ExportOptions {
  std::string db, format, out, hgrm, json_format = "cachelab", percentiles;
  int64_t run = 0;
  bool wide = false, series = false;
};

std::vector<double> ParsePercentiles(const std::string& text) {
  std::vector<double> out;
  std::stringstream ss(text);
  for (std::string part; std::getline(ss, part, ',');) {
    size_t used = 0;
    double p = -1;
    try {
      p = std::stod(part, &used);
    } catch (const std::exception&) {
    }
    if (used != part.size() || !(p > 0 && p <= 100))
      throw UsageError("--percentiles: '" + part + "' is not a percentile in (0, 100]");
    out.push_back(p);
  }
  return out;
}

RunReport Load(const ResultStore& store, int64_t id) {
  try {
    return store.LoadRun(id);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
}

void WriteHgrm(const ResultStore& store, const std::vector<int64_t>& ids, const ExportOptions& o,
               const std::vector<double>& percentiles) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(o.hgrm, ec);
  if (ec) throw std::runtime_error("cannot create '" + o.hgrm + "': " + ec.message());
  int written = 0;
  for (int64_t id : ids) {
    RunReport r = Load(store, id);
    for (const auto& h : r.histograms) {
      // latency_ns -> "latency" (every operation), read_latency_ns -> "read", write_latency_ns -> "write".
      // Other histograms (loads_per_expiry: counts, not times) are no latency distribution.
      if (h.name != "latency_ns" && h.name != "read_latency_ns" && h.name != "write_latency_ns") continue;
      std::string name = h.name;
      for (std::string suffix : {"_ns", "_latency"})
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
          name.resize(name.size() - suffix.size());
      uint64_t count = 0;
      for (const auto& b : h.buckets) count += b.count;
      if (count == 0) {  // e.g. a read-only run's writes: no distribution to write
        std::cerr << "run " << id << ": no " << name << " requests, no .hgrm\n";
        continue;
      }
      fs::path file = fs::path(o.hgrm) / ("run-" + std::to_string(id) + "-" + name + ".hgrm");
      std::ofstream f(file, std::ios::binary);
      if (!(f << HgrmText(h, 1000.0, percentiles))) throw std::runtime_error("cannot write '" + file.string() + "'");
      std::cerr << "wrote " << file.string() << " (values in microseconds)\n";
      ++written;
    }
  }
  if (written == 0) std::cerr << "no latency histograms in these runs\n";
}

void Execute(const ExportOptions& o) {
  std::string path = ResolveResultsPath(o.db);
  if (!std::ifstream(path)) throw UsageError("no results file '" + path + "'");
  if (o.format.empty() && o.hgrm.empty()) throw UsageError("--format csv|json or --hgrm DIR is required");
  if (o.json_format == "memtier" && o.format != "json") throw UsageError("--json-format memtier needs --format json");
  std::vector<double> percentiles = o.percentiles.empty() ? std::vector<double>{} : ParsePercentiles(o.percentiles);
  ResultStore store(path, /*read_only=*/true);
  std::vector<RunSummary> runs = store.ListRuns();
  std::vector<int64_t> ids;
  if (o.run > 0) ids.push_back(o.run);
  else
    for (const auto& r : runs) ids.push_back(r.id);
  if (!o.hgrm.empty()) WriteHgrm(store, ids, o, percentiles);
  if (o.format.empty()) return;

  std::string text;
  if (o.format == "json" && o.json_format == "memtier") {
    std::vector<double> ps = percentiles.empty() ? std::vector<double>{50, 99, 99.9} : percentiles;
    if (o.run > 0) {
      text = MemtierJson(o.run, Load(store, o.run), ps).dump(2) + "\n";
    } else {
      nlohmann::ordered_json all = nlohmann::ordered_json::array();
      for (int64_t id : ids) all.push_back(MemtierJson(id, Load(store, id), ps));
      text = all.dump(2) + "\n";
    }
  } else if (o.format == "json") {
    if (o.run > 0) {
      nlohmann::ordered_json j;
      j["id"] = o.run;
      j.update(ReportToJson(Load(store, o.run)));
      text = j.dump(2) + "\n";
    } else {
      text = SummariesJson(runs).dump(2) + "\n";
    }
  } else if (o.wide) {
    text = o.run > 0 ? SeriesCsv(Load(store, o.run)) : SummariesCsv(runs);
  } else if (o.run > 0 || o.series) {
    text = SeriesLongCsvHeader();
    for (int64_t id : ids) text += SeriesLongCsvRows(id, Load(store, id));
  } else {
    text = SummariesLongCsv(runs);
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
  CLI::App* cmd = app.add_subcommand(
      "export", "Export stored runs: tidy CSV (summaries, or series with --run/--series), --wide CSV, JSON "
                "(--json-format memtier), HdrHistogram .hgrm files (--hgrm DIR)");
  cmd->add_option("--db", o->db, "results file (default: $CACHELAB_DB or ./cachelab-results.db)");
  cmd->add_option("--run", o->run, "one run's id (see the run_id column of the summary export)");
  cmd->add_option("--format", o->format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
  cmd->add_flag("--wide", o->wide, "csv: one row per run (summary) or one column per series (--run)");
  cmd->add_flag("--series", o->series, "csv: the series of every run (long form), not the summaries");
  cmd->add_option("--json-format", o->json_format, "json layout: cachelab (default) or memtier (memtier_benchmark's)")
      ->check(CLI::IsMember({"cachelab", "memtier"}));
  cmd->add_option("--hgrm", o->hgrm, "write HdrHistogram percentile distributions (.hgrm, µs) into this folder");
  cmd->add_option("--percentiles", o->percentiles,
                  "percentiles the .hgrm files and memtier JSON report, e.g. 50,99,99.9,99.99 "
                  "(default .hgrm: HdrHistogram's full iteration; memtier: 50,99,99.9)");
  cmd->add_option("--out,-o", o->out, "output file (default: stdout)");
  cmd->callback([o] { Execute(*o); });
}

}  // namespace cachelab::cli
