// Exports stored runs for spreadsheets, notebooks and other tools. Reads the
// store's plain structs, never the simulator.
//  - long (tidy) CSV: one value per row with its unit in a column of its own;
//  - wide CSV: one summary row per run, or one run's series as columns;
//  - HdrHistogram percentile-distribution text (.hgrm) per latency histogram;
//  - memtier_benchmark's JSON layout (ALL STATS / Gets / Sets / Totals, per-window Time-Serie).
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "results/result_store.h"

namespace cachelab {

// The shortest text that reads back as the same double ("0.1", not "0.10000000000000001").
std::string ShortestNumber(double v);
// RFC 4180 quoting when needed.
std::string CsvCell(const std::string& s);
// A summary field's unit from its name's whole words, never substrings: the last
// word after statistics (p99, mean, peak, ...) names it: latency_us.p99 -> us,
// memory_bytes_peak -> bytes, X_per_second -> 1/s, throughput_mreq_s -> Mreq/s;
// counts (hits, expirations, latency_us.count) have none (""). A few names are
// listed (cache_size -> bytes: a replay in object mode says "objects" in the tidy CSV).
std::string FieldUnit(const std::string& name);

// Long form: run_id,kind,label,name,unit,value: every field and every config.<key> of every run.
std::string SummariesLongCsv(const std::vector<RunSummary>& runs);
// Long form: run_id,series,unit,t_s,value,axis,t. axis is what the series' t
// counts (time, requests, rank, bytes, objects); t is the position on it (seconds
// for time, else the count); t_s is the same seconds for time series and empty
// for the others (a request count is no time).
std::string SeriesLongCsvHeader();
std::string SeriesLongCsvRows(int64_t run_id, const RunReport& run);

// Wide form: id, created_at, kind, label, seed, run_key, then every config key
// (prefixed "config.") and every field, in first-seen order.
std::string SummariesCsv(const std::vector<RunSummary>& runs);
nlohmann::ordered_json SummariesJson(const std::vector<RunSummary>& runs);
// Wide form: a position column per axis the series use (AxisKey: t_s for time,
// t_requests, ...; a run of time series has t_s alone), then one column per series
// (empty where a series has no point at that position).
std::string SeriesCsv(const RunReport& run);

// HdrHistogram's outputPercentileDistribution text of a histogram in ns,
// values in `unit_ratio` units (1000: microseconds). With `percentiles`
// (e.g. 50, 99, 99.9) exactly those rows; without, HdrHistogram's own
// iteration with 5 ticks per half distance to 100%.
std::string HgrmText(const HistogramData& h, double unit_ratio, const std::vector<double>& percentiles);

// The run in memtier_benchmark's --json-out-file layout (latencies in ms). Max
// Latency is the stored exact max, or for writes (none stored) their last bucket's
// top; that and every percentile (a bucket's top) at most the stored overall max.
nlohmann::ordered_json MemtierJson(int64_t run_id, const RunReport& run, const std::vector<double>& percentiles);

}  // namespace cachelab
