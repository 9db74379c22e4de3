#include "cli/strategy_summary.h"

#include <cstdio>

#include "cli/summary_table.h"
#include "sim/grouped.h"

namespace cachelab::cli {

std::vector<std::vector<std::string>> StrategyRows(const RunReport& r) {
  auto num = [&](const char* f) { return r.GetNumber(f); };
  auto count = [&](const char* f) { return Grouped(static_cast<int64_t>(num(f))); };
  std::vector<std::vector<std::string>> rows;
  char buf[200];
  std::snprintf(buf, sizeof buf, "%.1f / %.1f / %.1f ms", num("staleness_ms.p50"), num("staleness_ms.p99"),
                num("staleness_ms.max"));
  if (num("stale_reads") > 0) rows.push_back({"staleness age p50/p99/max", buf});
  if (r.Get("write_behind.acked") || num("lost_writes") > 0) {
    std::snprintf(buf, sizeof buf, "%s (%s rows, loss window %.1f ms)", count("lost_writes").c_str(),
                  count("lost_rows").c_str(), num("loss_window_ms"));
    rows.push_back({"lost writes", buf});
  }
  if (num("divergent_keys") > 0)
    rows.push_back({"cache != database at end",
                    count("divergent_keys") + " keys (" + count("never_corrected_keys") + " without a TTL)"});
  if (num("cache_errors") > 0) {
    std::snprintf(buf, sizeof buf, "%s / %s (fallback p50/p99 %.0f / %.0f us)", count("cache_errors").c_str(),
                  count("fallbacks").c_str(), num("fallback_latency_us.p50"), num("fallback_latency_us.p99"));
    rows.push_back({"cache errors / fallbacks", buf});
  }
  const FieldValue* guard = r.Get("stampede");
  const FieldValue* scenario = r.Get("scenario");
  bool stampede =
      (guard && std::get<std::string>(*guard) != "none") || (scenario && std::get<std::string>(*scenario) != "none");
  if (stampede) {
    std::snprintf(buf, sizeof buf, "%.3f mean, %.3f var, %s max over %s expiries", num("loads_per_expiry_mean"),
                  num("loads_per_expiry_var"), count("loads_per_expiry_max").c_str(), count("expiry_episodes").c_str());
    rows.push_back({"loads per expiry", buf});
    rows.push_back({"peak db queries/s", count("peak_db_qps")});
    rows.push_back({"user misses / stale serves / lock waits",
                    count("user_misses") + " / " + count("stale_serves") + " / " + count("lock_waits")});
    std::snprintf(buf, sizeof buf, "%.0f / %.0f us vs %.0f / %.0f us", num("latency_in_stampede_us.p99"),
                  num("latency_in_stampede_us.p999"), num("latency_outside_stampede_us.p99"),
                  num("latency_outside_stampede_us.p999"));
    rows.push_back({"p99/p99.9 in vs outside stampedes", buf});
  }
  return rows;
}

}  // namespace cachelab::cli
