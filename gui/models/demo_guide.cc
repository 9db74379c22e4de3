#include "gui/models/demo_guide.h"

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "gui/models/summary_lookup.h"

namespace cachelab::gui {
namespace {

// A computed column: the database's peak rate after the first TTL. At a cold
// start no guard has an old value to serve, so every variant herds alike; the
// peaks that tell the guards apart come after it.
const std::string kAfterColdStart = "=peak db_queries_per_s after ttl";

// "2s", "500ms", "1.5s" -> seconds (0 if unparsable).
double Seconds(const std::string& text) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  std::string unit = end ? std::string(end) : std::string();
  if (unit == "ms") return v / 1e3;
  if (unit == "us") return v / 1e6;
  if (unit == "m") return v * 60;
  return unit.empty() || unit == "s" ? v : 0;
}

std::optional<double> PeakAfterColdStart(const RunReport& r) {
  const Series* s = FindSeries(r, "db_queries_per_s");
  if (!s) return std::nullopt;
  double after = Seconds(r.ConfigValue("ttl")), peak = 0;
  for (size_t i = 0; i < s->t.size() && i < s->v.size(); ++i)
    if (ToSeconds(s->t[i]) > after + 1e-9) peak = std::max(peak, s->v[i]);
  return peak;
}

}  // namespace

QStringList KnownDemos() {
  return {"stampede", "jitter", "write-behind-crash", "ring-add-node", "staleness", "eviction"};
}

DemoGuide GuideFor(const QString& demo) {
  // Field names as the demos store them (lab/demo_catalog.cc, lab/demo_eviction.cc).
  if (demo == "stampede")
    return {"A hot key expiring under load", {"stampede", "latency"},
            {{"loads / expiry", "loads_per_expiry_mean"}, {"peak DB q/s after the cold start", kAfterColdStart},
             {"p99 µs", "latency_us.p99"}, {"stale serves", "stale_serves"}}};
  if (demo == "jitter")
    return {"Synchronised expiry, with and without jitter", {"stampede", "hit-rate"},
            {{"peak DB conc.", "db_peak_concurrency"}, {"peak DB qps", "peak_db_qps"}, {"hit ratio", "hit_ratio"}}};
  if (demo == "write-behind-crash")
    return {"What a crash loses: write-behind vs write-through", {"durability", "consistency"},
            {{"writes", "writes"}, {"DB writes", "db_writes"}, {"lost writes", "lost_writes"},
             {"write p99 µs", "write_latency_us.p99"}}};
  if (demo == "ring-add-node")
    return {"Adding a node: consistent hashing vs modulo", {"moved", "ring"},
            {{"keys moved", "churn.0.remapped"}, {"ideal", "churn.0.ideal"}, {"hit-ratio dip", "churn.0.hit_ratio_dip"},
             {"DB spike", "churn.0.db_spike"}, {"hit ratio", "hit_ratio"}}};
  if (demo == "staleness")
    return {"Staleness: TTL vs delete-on-write vs pub/sub", {"consistency", "hit-rate"},
            {{"stale reads", "stale_reads"}, {"stale hits", "stale_hits"}, {"stale ratio", "stale_read_ratio"},
             {"hit ratio", "hit_ratio"}}};
  if (demo == "eviction")
    return {"LRU vs LFU vs S3-FIFO on a scan-polluted workload", {"replay-hit-rate", "summary"},
            {{"hit ratio", "hit_ratio"}, {"miss ratio", "miss_ratio"}, {"misses", "misses"}}};
  return {demo, {"hit-rate", "stampede"}, {{"hit ratio", "hit_ratio"}}};
}

namespace {

// Table cells: whole numbers with digit grouping, small ones to 3 significant digits.
QString Number(double v) {
  if (std::abs(v) >= 100 || v == std::round(v)) return QLocale(QLocale::English).toString(std::round(v), 'f', 0);
  return QString::number(v, 'g', 3);
}

QString VariantTable(const DemoGuide& g, const DemoInvocation& inv, const std::vector<LoadedRun>& runs) {
  QString html = "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse'><tr><th>run</th><th>variant</th>";
  for (const auto& [header, field] : g.fields) html += "<th>" + header.toHtmlEscaped() + "</th>";
  html += "</tr>";
  for (size_t i = 0; i < runs.size(); ++i) {
    const auto& fields = runs[i].report.fields;
    QString variant = FieldText(fields, "variant");
    if (variant.isEmpty() && i < static_cast<size_t>(inv.variants.size())) variant = inv.variants[static_cast<qsizetype>(i)];
    html += QStringLiteral("<tr><td>#%1</td><td><b>%2</b></td>").arg(runs[i].id).arg(variant.toHtmlEscaped());
    for (const auto& f : g.fields) {
      auto v = f.second == kAfterColdStart ? PeakAfterColdStart(runs[i].report) : FieldNumber(fields, f.second);
      html += "<td align='right'>" + (v ? Number(*v) : QStringLiteral("–")) + "</td>";
    }
    html += "</tr>";
  }
  return html + "</table>";
}

}  // namespace

QString DemoPageHtml(const DemoInvocation& inv, const std::vector<LoadedRun>& runs, const QString& chart_note) {
  DemoGuide g = GuideFor(inv.demo);
  QString html = QStringLiteral("<h2>%1</h2><p style='color:#666'>demo <code>%2</code>, runs #%3–#%4, %5</p>")
                     .arg(g.title.toHtmlEscaped(), inv.demo.toHtmlEscaped())
                     .arg(inv.ids.empty() ? 0 : inv.ids.front())
                     .arg(inv.ids.empty() ? 0 : inv.ids.back())
                     .arg(inv.created_at.toHtmlEscaped());
  html += "<h3>Before: what to expect</h3><p>" + inv.narrative.toHtmlEscaped() + "</p>";
  // The conclusion before the table, so a glance at the page reads the story first.
  html += "<h3>After: what it showed</h3><p>" + inv.conclusion.toHtmlEscaped() + "</p>";
  html += "<h3>Measured</h3>" + VariantTable(g, inv, runs);
  for (const auto& f : g.fields)
    if (f.second == kAfterColdStart)
      html += "<p style='color:#555'><small>The cold start (the first TTL) is left out of the peak: with nothing "
              "cached yet there is no old value to serve, so every variant herds alike there.</small></p>";
  if (!chart_note.isEmpty()) html += "<p><i>" + chart_note.toHtmlEscaped() + "</i></p>";
  return html;
}

}  // namespace cachelab::gui
