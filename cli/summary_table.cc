#include "cli/summary_table.h"

#include <algorithm>
#include <cstdio>

#include "cli/strategy_summary.h"
#include "sim/grouped.h"

namespace cachelab::cli {

std::string FormatTable(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width(headers.size(), 0);
  for (size_t c = 0; c < headers.size(); ++c) width[c] = headers[c].size();
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size() && c < width.size(); ++c) width[c] = std::max(width[c], row[c].size());
  // Numbers align right so digits line up; text (or mixed) columns align left.
  std::vector<bool> numeric(width.size(), true);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size() && c < width.size(); ++c)
      if (!row[c].empty() && row[c] != "-" && row[c] != "=" &&  // placeholders: missing, same as another row
          row[c].find_first_not_of("0123456789.,-+eE%x ") != std::string::npos)
        numeric[c] = false;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t c = 0; c < width.size(); ++c) {
      std::string cell = c < cells.size() ? cells[c] : "";
      std::string pad(width[c] - cell.size(), ' ');
      if (c > 0) out += "  ";
      out += (c > 0 && numeric[c]) ? pad + cell : cell + pad;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(headers);
  size_t total = 0;
  for (size_t w : width) total += w + 2;
  out += std::string(total - 2, '-') + "\n";
  for (const auto& row : rows) out += line(row);
  return out;
}

std::string FormatValue(const RunReport& r, const Column& c) {
  const FieldValue* v = r.Get(c.field);
  if (!v) return "-";
  if (auto* s = std::get_if<std::string>(v)) return *s;
  double d = r.GetNumber(c.field);
  if (c.precision < 0) return Grouped(static_cast<int64_t>(d));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", c.precision, d);
  return buf;
}

std::string ComparisonTable(const std::vector<RunReport>& reports, const std::vector<Column>& columns) {
  std::vector<std::string> headers;
  for (const auto& c : columns) headers.push_back(c.header);
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : reports) {
    std::vector<std::string> row;
    for (const auto& c : columns) row.push_back(FormatValue(r, c));
    rows.push_back(std::move(row));
  }
  return FormatTable(headers, rows);
}

std::string RunSummary(const RunReport& r) {
  auto num = [&](const char* f) { return r.GetNumber(f); };
  auto us = [&](const char* prefix) {
    char buf[160];
    std::string p(prefix);
    std::snprintf(buf, sizeof buf, "%.0f / %.0f / %.0f / %.0f us", num((p + ".p50").c_str()), num((p + ".p90").c_str()),
                  num((p + ".p99").c_str()), num((p + ".p999").c_str()));
    return std::string(buf);
  };
  char ratio[64];
  std::snprintf(ratio, sizeof ratio, "%.4f", num("hit_ratio"));
  std::string stale = Grouped(static_cast<int64_t>(num("stale_reads")));
  char stale_share[48];
  std::snprintf(stale_share, sizeof stale_share, " (%.4f%% of reads", 100 * num("stale_read_ratio"));
  stale += stale_share;
  if (num("stale_reads") > 0 && r.Get("stale_hits")) stale += "; " + Grouped(static_cast<int64_t>(num("stale_hits"))) + " from the cache";
  stale += ")";
  char speed[96];
  std::snprintf(speed, sizeof speed, "%.2f s simulated in %.2f s wall (%.2f M requests/s)", num("sim_seconds"),
                num("wall_seconds"), num("sim_requests_per_sec") / 1e6);
  std::vector<std::vector<std::string>> rows = {
      {"requests", Grouped(static_cast<int64_t>(num("requests"))) + " (" +
                       Grouped(static_cast<int64_t>(num("reads"))) + " reads, " +
                       Grouped(static_cast<int64_t>(num("writes"))) + " writes)"},
      {"hit ratio", std::string(ratio) + " (" + Grouped(static_cast<int64_t>(num("hits"))) + " hits, " +
                        Grouped(static_cast<int64_t>(num("misses"))) + " misses)"},
      {"latency p50/p90/p99/p99.9", us("latency_us")},
      {"read latency p50/p90/p99/p99.9", us("read_latency_us")},
      {"database queries", Grouped(static_cast<int64_t>(num("db_queries"))) + " (" +
                               Grouped(static_cast<int64_t>(num("db_reads"))) + " reads, " +
                               Grouped(static_cast<int64_t>(num("db_writes"))) + " writes, peak concurrency " +
                               Grouped(static_cast<int64_t>(num("db_peak_concurrency"))) + ")"},
      {"evictions / expirations", Grouped(static_cast<int64_t>(num("evictions"))) + " / " +
                                      Grouped(static_cast<int64_t>(num("expirations")))},
      {"cache memory (end / peak)", Grouped(static_cast<int64_t>(num("memory_bytes"))) + " / " +
                                        Grouped(static_cast<int64_t>(num("memory_bytes_peak"))) + " bytes"},
      {"stale reads", stale},
      {"speed", speed},
  };
  auto extra = StrategyRows(r);
  rows.insert(rows.end() - 1, extra.begin(), extra.end());
  // The mapped operations of the measured requests, and where a trace run came from.
  auto count = [&](const char* f) { return Grouped(static_cast<int64_t>(num(f))); };
  auto text = [&](const char* f) {
    const FieldValue* v = r.Get(f);
    const std::string* s = v ? std::get_if<std::string>(v) : nullptr;
    return s ? *s : std::string();
  };
  rows.insert(rows.begin() + 1, {"operations", count("ops_read") + " read, " + count("ops_write") + " write, " +
                                                   count("ops_delete") + " delete"});
  if (num("warmup_requests") > 0)
    rows.insert(rows.begin() + 2, {"warm-up (not measured)", count("warmup_requests") + " requests"});
  if (!text("trace").empty())
    rows.insert(rows.begin(), {"trace", text("trace") + " (" + text("trace_format") + ", " +
                                            count("trace_requests") + " requests, " + count("trace_objects") +
                                            " objects, " + text("timing") + " timing)"});
  std::string title = "cachelab " + r.kind + ": " + r.label + ", seed " + std::to_string(r.seed) + "\n";
  return title + FormatTable({"metric", "value"}, rows);
}

}  // namespace cachelab::cli
