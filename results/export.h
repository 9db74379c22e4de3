// Exports stored runs for spreadsheets and notebooks: one summary row per run,
// or one run's time series. Reads the store's plain structs, never the simulator.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "results/result_store.h"

namespace cachelab {

// One row per run: id, created_at, kind, label, seed, run_key, then every
// config key (prefixed "config.") and every field, in first-seen order.
std::string SummariesCsv(const std::vector<RunSummary>& runs);
nlohmann::ordered_json SummariesJson(const std::vector<RunSummary>& runs);
// t_s, then one column per series (empty where a series has no point at t).
std::string SeriesCsv(const RunReport& run);
// RFC 4180 quoting when needed.
std::string CsvCell(const std::string& s);

}  // namespace cachelab
