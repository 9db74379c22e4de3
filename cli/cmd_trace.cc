// `cachelab trace`: know a trace before simulating with it.
//   trace stats FILE     profile: counts, op mix, popularity (Zipf fit), sizes,
//                        reuse, TTLs, rate and footprint over time; stored as
//                        a run of kind "trace" for the dashboard
//   trace convert IN OUT --to oracleGeneral|csv|txt
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/progress_sink.h"
#include "cli/summary_table.h"
#include "results/report_json.h"
#include "cli/save_results.h"
#include "results/result_store.h"
#include "workloads/cdn_reader.h"
#include "workloads/trace_convert.h"
#include "workloads/trace_format.h"
#include "workloads/trace_stats.h"
#include "workloads/trace_stats_report.h"

namespace cachelab::cli {
namespace {

struct TraceInput {
  std::string path, format, csv_spec;
  bool skip_bad = false, progress = false;

  void Attach(CLI::App* cmd, const char* what) {
    cmd->add_option("--format", format,
                    "oracleGeneral, vscsi, txt, csv, twitter, kvcache, cdn, cache2k, scarab, lcs, lirs, arc, address, snia-tencent-photo (default: from the file name and a csv header)");
    cmd->add_option("--csv-spec", csv_spec, "csv columns, e.g. \"time-col=2,obj-id-col=5,obj-size-col=4\"");
    cmd->add_flag("--skip-bad", skip_bad, std::string("count and skip malformed records of the ") + what);
    cmd->add_flag("--progress", progress, "progress lines on stderr even when it is not a terminal");
  }
  std::unique_ptr<FileTraceReader> Open() const {
    ShowProgress(progress);
    std::string error;
    auto r = OpenTrace(path, TraceOpenOptions{format, csv_spec, skip_bad}, &error);
    if (!r) throw UsageError(error);
    return r;
  }
};

struct StatsOptions {
  TraceInput in;
  std::string window, db;
  bool json = false, no_store = false;
};

std::string Num(const RunReport& r, const std::string& f, int precision = -1) {
  return FormatValue(r, Column{"", f, precision});
}

void PrintSummary(const RunReport& r) {
  auto line = [](const std::string& k, const std::string& v) { std::cout << "  " << k << std::string(22 - k.size(), ' ') << v << "\n"; };
  std::cout << r.ConfigValue("trace") << " (" << r.ConfigValue("format") << ")\n";
  line("requests", Num(r, "requests"));
  line("unique objects", Num(r, "unique_objects"));
  line("one-hit wonders", Num(r, "one_hit_wonders") + " (" + Num(r, "one_hit_wonder_ratio", 3) + " of objects)");
  line("most popular", Num(r, "most_popular_requests") + " requests");
  line("operations", "get " + Num(r, "ops.get") + ", set " + Num(r, "ops.set") + ", delete " + Num(r, "ops.delete"));
  line("zipf alpha", Num(r, "zipf.alpha", 3) + " (R^2 " + Num(r, "zipf.r2", 3) + " over " + Num(r, "zipf.points") +
                         " log-spaced ranks)");
  line("requested bytes", Num(r, "requested_bytes"));
  line("working set bytes", Num(r, "working_set_bytes") + " (first size of each object)");
  line("size bytes", "min " + Num(r, "size_bytes.min", 0) + ", median " + Num(r, "size_bytes.p50", 0) + ", mean " +
                         Num(r, "size_bytes.mean", 0) + ", max " + Num(r, "size_bytes.max", 0));
  line("reuse (requests)", "median " + Num(r, "reuse_requests.p50", 0) + ", p90 " + Num(r, "reuse_requests.p90", 0) +
                               " requests between requests to an object");
  if (r.Get("reuse_seconds.p50"))
    line("reuse (time)", "median " + Num(r, "reuse_seconds.p50", 3) + " s, p90 " + Num(r, "reuse_seconds.p90", 3) + " s");
  if (r.GetNumber("requests_with_ttl") > 0)
    line("TTL", Num(r, "requests_with_ttl") + " requests; median " + Num(r, "ttl_seconds.p50", 0) + " s, max " +
                    Num(r, "ttl_seconds.max", 0) + " s");
  else
    line("TTL", "none");
  if (r.GetNumber("has_time") > 0)
    line("time", Num(r, "duration_seconds", 0) + " s, mean rate " + Num(r, "mean_rate", 1) + " req/s");
  else
    line("time", "none in the trace");
  line("clients", Num(r, "clients"));
}

void ExecuteStats(const StatsOptions& o) {
  TraceStatsOptions so;
  if (!o.window.empty() && !ParseDuration(o.window, &so.window))
    throw UsageError("--window: bad duration '" + o.window + "' (e.g. 10s, 1min)");
  if (!o.window.empty() && so.window <= 0) throw UsageError("--window must be positive");
  const std::string db_path = o.no_store ? std::string() : ResolveResultsPath(o.db);
  if (!o.no_store) CheckResultsPath(db_path);  // created once the profile exists
  auto reader = o.in.Open();
  TraceStats stats;
  std::string error;
  if (!ComputeTraceStats(*reader, so, &stats, &error)) throw UsageError(error);
  // Nothing to profile: an error naming the file (as replay and run --trace), not a profile of zeros.
  if (stats.requests == 0)
    throw UsageError(o.in.path + ": the trace has no requests to profile" +
                     (reader->bad_records() ? " (every record was malformed and skipped)" : ""));
  if (reader->bad_records())
    std::fprintf(stderr, "skipped %llu malformed record(s) in %s\n",
                 static_cast<unsigned long long>(reader->bad_records()), o.in.path.c_str());
  RunReport r = TraceStatsReport(stats, o.in.path, reader->Name());
  r.Set("skipped_records", static_cast<int64_t>(reader->bad_records()));
  if (auto* cdn = dynamic_cast<const CdnReader*>(reader.get()))  // rows cachebench rejects (objectSize <= 0, ...)
    r.Set("invalid_rows", static_cast<int64_t>(cdn->invalid_rows()));
  if (!o.window.empty()) r.config.push_back({"window", o.window});
  if (!o.no_store) {
    auto store = std::make_unique<ResultStore>(db_path);
    auto ids = store->SaveRuns({r});
    std::fprintf(stderr, "saved trace profile as run %lld to %s\n", static_cast<long long>(ids.front()),
                 store->path().c_str());
  }
  if (o.json) {
    std::cout << FieldsToJson(r).dump(2) << "\n";
    return;
  }
  PrintSummary(r);
}

struct ConvertOptions {
  TraceInput in;
  std::string out, to;
  bool json = false;
};

void ExecuteConvert(const ConvertOptions& o) {
  auto reader = o.in.Open();
  std::string error;
  int64_t n = ConvertTrace(*reader, o.out, o.to, &error);
  if (n < 0) throw UsageError(error);
  if (n == 0)  // as stats, replay and run --trace: an error naming the file, and no output
    throw UsageError(o.in.path + ": the trace has no requests to convert" +
                     (reader->bad_records() ? " (every record was malformed and skipped)" : ""));
  if (o.json) {
    nlohmann::ordered_json j{{"input", o.in.path}, {"input_format", reader->Name()}, {"output", o.out},
                             {"format", o.to},   {"requests", n},                 {"skipped_records", reader->bad_records()}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::fprintf(stderr, "wrote %lld requests to %s (%s)\n", static_cast<long long>(n), o.out.c_str(), o.to.c_str());
}

}  // namespace

void AddTraceCommand(CLI::App& app) {
  CLI::App* trace = app.add_subcommand("trace", "Know a trace: profile it, convert it");
  trace->require_subcommand(1);

  auto s = std::make_shared<StatsOptions>();
  CLI::App* stats = trace->add_subcommand(
      "stats", "Profile a trace: requests, objects, op mix, one-hit wonders, Zipf fit, sizes, reuse, TTLs, rate");
  stats->add_option("FILE", s->in.path, "trace file (.zst is decompressed transparently)")->required();
  s->in.Attach(stats, "trace");
  stats->add_option("--window", s->window, "window of the rate and footprint series (default: automatic, <= 256 windows)");
  stats->add_flag("--json", s->json, "print the profile as one JSON object");
  stats->add_option("--db", s->db, "results file (default: $CACHELAB_DB or ./cachelab-results.db)");
  stats->add_flag("--no-store", s->no_store, "do not write the results store");
  stats->callback([s] { ExecuteStats(*s); });

  auto c = std::make_shared<ConvertOptions>();
  CLI::App* convert = trace->add_subcommand("convert", "Convert a trace to oracleGeneral (next access computed), csv or txt");
  convert->add_option("IN", c->in.path, "input trace")->required();
  convert->add_option("OUT", c->out, "output file (written whole or not at all)")->required();
  convert->add_option("--to", c->to, "oracleGeneral, csv or txt")->required()->check(CLI::IsMember(ConvertFormatNames()));
  c->in.Attach(convert, "input");
  convert->add_flag("--json", c->json, "print what was written as one JSON object");
  convert->callback([c] { ExecuteConvert(*c); });
}

}  // namespace cachelab::cli
