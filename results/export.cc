#include "results/export.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "results/report_json.h"

namespace cachelab {
namespace {

// Fields hold int64, so the "seed" field of a seed above 2^63 is written from
// the run's unsigned seed (as FieldsToJson does).
std::string FieldText(const Field& f, uint64_t seed) {
  if (f.name == "seed") return std::to_string(seed);
  const FieldValue& v = f.value;
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return ShortestNumber(*d);
  return std::get<std::string>(v);
}

// Column names in first-seen order.
class Columns {
 public:
  void Add(const std::string& c) {
    if (index_.emplace(c, names_.size()).second) names_.push_back(c);
  }
  size_t Of(const std::string& c) const { return index_.at(c); }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::map<std::string, size_t> index_;
};

std::string Row(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvCell(cells[i]);
  return out + "\n";
}

std::string Format(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

}  // namespace

std::string ShortestNumber(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  for (size_t start = 0;;) {
    size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

// A statistic of a measure has the measure's unit: p99, mean, max, peak, hit_ratio_dip, ...
bool IsStatistic(const std::string& t) {
  static const std::set<std::string> kStats = {"mean", "min", "max", "peak", "total", "sd", "median",
                                               "before", "dip", "weighted"};
  if (kStats.count(t)) return true;
  return t.size() > 1 && t[0] == 'p' && t.find_first_not_of("0123456789", 1) == std::string::npos;
}

// The unit named by the last word of one dotted part ("max_lag_ms" -> ms), or "".
std::string WordsUnit(std::vector<std::string> w) {
  while (w.size() > 1 && IsStatistic(w.back())) w.pop_back();
  // "X_per_s" is a rate; "X_per_req" has X's unit.
  for (size_t i = w.size(); i-- > 1;)
    if (w[i - 1] == "per") {
      const std::string& d = w[i];
      if (d == "s" || d == "sec" || d == "second") return "1/s";
      w.resize(i - 1);
      return WordsUnit(w);
    }
  static const std::map<std::string, std::string> kUnits = {
      {"us", "us"},       {"ms", "ms"},       {"ns", "ns"},       {"s", "s"},           {"sec", "s"},
      {"seconds", "s"},   {"bytes", "bytes"}, {"qps", "1/s"},       {"ratio", "ratio"},
      {"remapped", "ratio"}, {"ideal", "ratio"}};
  if (w.size() > 1 && w[w.size() - 2] == "mreq" && w.back() == "s") return "Mreq/s";  // millions of requests/s
  auto it = kUnits.find(w.back());
  return it == kUnits.end() ? "" : it->second;
}

}  // namespace

std::string FieldUnit(const std::string& name) {
  // Names whose words do not say their unit.
  static const std::map<std::string, std::string> kNamed = {
      {"cache_size", "bytes"}, {"used_memory", "bytes"}, {"base_memory", "bytes"}, {"mean_rate", "1/s"},
      {"peak_rss_mb", "MiB"}};  // ru_maxrss KiB / 1024
  if (auto it = kNamed.find(name); it != kNamed.end()) return it->second;
  std::vector<std::string> parts = Split(name, '.');
  if (parts.size() > 1) {
    const std::string& leaf = parts.back();
    if (leaf == "count" || leaf == "n") return "";  // how many values: latency_us.count
    if (leaf == "cv" || leaf == "max_over_mean") return "ratio";
    if (parts.front() == "op_mix") return "ratio";  // shares of the requests
    if (IsStatistic(leaf)) {
      parts.pop_back();
      return WordsUnit(Split(parts.back(), '_'));
    }
  }
  return WordsUnit(Split(parts.back(), '_'));
}

namespace {

// FieldUnit, and a replay's cache_size in objects under --ignore-obj-size (config mode=objects).
std::string UnitIn(const RunSummary& r, const std::string& name) {
  if (name == "cache_size")
    for (const auto& [k, v] : r.config)
      if (k == "mode" && v == "objects") return "objects";
  return FieldUnit(name);
}

}  // namespace

std::string SummariesLongCsv(const std::vector<RunSummary>& runs) {
  std::string out = Row({"run_id", "kind", "label", "name", "unit", "value"});
  for (const auto& r : runs) {
    std::string id = std::to_string(r.id);
    for (const auto& [k, v] : r.config) out += Row({id, r.kind, r.label, "config." + k, "", v});
    for (const auto& f : r.fields) out += Row({id, r.kind, r.label, f.name, UnitIn(r, f.name), FieldText(f, r.seed)});
  }
  return out;
}

namespace {

// A position as exported: seconds for time, the count itself for the other axes.
std::string AxisText(SeriesAxis axis, SimTime t) {
  return axis == SeriesAxis::kTime ? ShortestNumber(ToSeconds(t)) : std::to_string(t);
}

}  // namespace

std::string SeriesLongCsvHeader() { return Row({"run_id", "series", "unit", "t_s", "value", "axis", "t"}); }

std::string SeriesLongCsvRows(int64_t run_id, const RunReport& run) {
  std::string out, id = std::to_string(run_id);
  for (const auto& s : run.series) {
    const bool time = s.axis == SeriesAxis::kTime;
    for (size_t i = 0; i < s.t.size() && i < s.v.size(); ++i) {
      std::string t = AxisText(s.axis, s.t[i]);
      out += Row({id, s.name, s.unit, time ? t : std::string(), ShortestNumber(s.v[i]), AxisName(s.axis), t});
    }
  }
  return out;
}

std::string SummariesCsv(const std::vector<RunSummary>& runs) {
  Columns cols;
  for (const char* c : {"id", "created_at", "kind", "label", "seed", "run_key"}) cols.Add(c);
  for (const auto& r : runs) {
    for (const auto& [k, v] : r.config) cols.Add("config." + k);
    for (const auto& f : r.fields) cols.Add(f.name);
  }
  std::string out = Row(cols.names());
  for (const auto& r : runs) {
    std::vector<std::string> cells(cols.names().size());
    cells[0] = std::to_string(r.id);
    cells[1] = r.created_at;
    cells[2] = r.kind;
    cells[3] = r.label;
    cells[4] = std::to_string(r.seed);
    cells[5] = r.run_key;
    for (const auto& [k, v] : r.config) cells[cols.Of("config." + k)] = v;
    for (const auto& f : r.fields) cells[cols.Of(f.name)] = FieldText(f, r.seed);
    out += Row(cells);
  }
  return out;
}

nlohmann::ordered_json SummariesJson(const std::vector<RunSummary>& runs) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& s : runs) {
    RunReport r;
    r.fields = s.fields;
    r.seed = s.seed;
    nlohmann::ordered_json j;
    j["id"] = s.id;
    j["created_at"] = s.created_at;
    j["kind"] = s.kind;
    j["label"] = s.label;
    j["seed"] = s.seed;
    j["run_key"] = s.run_key;
    j["summary"] = FieldsToJson(r);
    j["config"] = ConfigToJson(s.config);
    arr.push_back(std::move(j));
  }
  return arr;
}

std::string SeriesCsv(const RunReport& run) {
  // One position column per axis the run's series use, in first-seen order (a
  // run of time series: t_s alone); a row fills the one of its axis.
  std::vector<SeriesAxis> axes;
  for (const auto& ser : run.series)
    if (std::find(axes.begin(), axes.end(), ser.axis) == axes.end()) axes.push_back(ser.axis);
  if (axes.empty()) axes.push_back(SeriesAxis::kTime);
  auto column_of = [&](SeriesAxis a) { return static_cast<size_t>(std::find(axes.begin(), axes.end(), a) - axes.begin()); };
  std::map<std::pair<size_t, SimTime>, std::vector<std::string>> rows;  // by axis, then position
  std::vector<std::string> header;
  for (SeriesAxis a : axes) header.push_back(AxisKey(a));
  for (size_t s = 0; s < run.series.size(); ++s) {
    const Series& ser = run.series[s];
    header.push_back(ser.unit.empty() ? ser.name : ser.name + " (" + ser.unit + ")");
    for (size_t i = 0; i < ser.t.size(); ++i) {
      auto& row = rows[{column_of(ser.axis), ser.t[i]}];
      row.resize(run.series.size());
      row[s] = ShortestNumber(ser.v[i]);
    }
  }
  std::string out = Row(header);
  for (auto& [at, cells] : rows) {
    cells.resize(run.series.size());
    std::vector<std::string> position(axes.size());
    position[at.first] = AxisText(axes[at.first], at.second);
    cells.insert(cells.begin(), position.begin(), position.end());
    out += Row(cells);
  }
  return out;
}

namespace {

// HdrHistogram reports a bucket by its highest equivalent value (upper bound - 1).
double Highest(const HistogramData::Bucket& b) { return b.upper > b.lower + 1 ? b.upper - 1 : b.lower; }

std::string HgrmLine(double value, double unit_ratio, double percentile, uint64_t count, bool last) {
  char buf[128];
  if (last)
    std::snprintf(buf, sizeof buf, "%12.3f %2.12f %10llu\n", value / unit_ratio, percentile / 100.0,
                  static_cast<unsigned long long>(count));
  else
    std::snprintf(buf, sizeof buf, "%12.3f %2.12f %10llu %14.2f\n", value / unit_ratio, percentile / 100.0,
                  static_cast<unsigned long long>(count), 1.0 / (1.0 - percentile / 100.0));
  return buf;
}

// The mean of a histogram's values, each bucket's count at its midpoint (0 when empty).
double BucketMean(const std::vector<HistogramData::Bucket>& b) {
  uint64_t total = 0;
  double sum = 0;
  for (const auto& x : b) {
    total += x.count;
    sum += (x.lower + Highest(x)) / 2 * static_cast<double>(x.count);
  }
  return total ? sum / static_cast<double>(total) : 0;
}

// The bucket holding the value at `percentile` (HdrHistogram's getValueAtPercentile:
// the first whose cumulative count reaches ceil(p * total / 100), at least 1). As
// there, p is first stepped down one ulp: 99.9 / 100 * 50000 is 49950.000000000007
// in doubles, and its ceil would take the 49,951st value instead of the 49,950th.
size_t BucketAt(const std::vector<HistogramData::Bucket>& b, uint64_t total, double percentile, uint64_t* cum_out) {
  const double p = std::clamp(std::nextafter(percentile, -INFINITY), 0.0, 100.0);
  auto want = static_cast<uint64_t>(std::ceil(p * static_cast<double>(total) / 100.0));
  want = std::max<uint64_t>(want, 1);
  uint64_t cum = 0;
  for (size_t i = 0; i < b.size(); ++i) {
    cum += b[i].count;
    if (cum >= want) {
      *cum_out = cum;
      return i;
    }
  }
  *cum_out = cum;
  return b.size() - 1;
}

}  // namespace

std::string HgrmText(const HistogramData& h, double unit_ratio, const std::vector<double>& percentiles) {
  std::vector<HistogramData::Bucket> b;
  for (const auto& x : h.buckets)
    if (x.count) b.push_back(x);
  uint64_t total = 0;
  for (const auto& x : b) total += x.count;
  const double mean = BucketMean(b);
  char head[128];
  std::snprintf(head, sizeof head, "%12s %14s %10s %14s\n\n", "Value", "Percentile", "TotalCount", "1/(1-Percentile)");
  std::string out = head;
  if (total > 0 && !percentiles.empty()) {
    for (double p : percentiles) {
      uint64_t cum = 0;
      size_t i = BucketAt(b, total, p, &cum);
      out += HgrmLine(Highest(b[i]), unit_ratio, p, cum, p >= 100);
    }
  } else if (total > 0) {
    // HdrHistogram's PercentileIterator: levels step by 100 / (ticks * 2^(halvings + 1)),
    // each reported at the first value whose cumulative share reaches it; the last
    // value is reported once more at 100%.
    constexpr int kTicksPerHalfDistance = 5;
    double level = 0;
    uint64_t cum = 0;
    for (size_t i = 0; i < b.size(); ++i) {
      cum += b[i].count;
      bool done = false;
      while (100.0 * static_cast<double>(cum) / static_cast<double>(total) >= level) {
        out += HgrmLine(Highest(b[i]), unit_ratio, level, cum, false);
        double halvings = std::floor(std::log(100.0 / (100.0 - level)) / std::log(2.0));
        level += 100.0 / (kTicksPerHalfDistance * std::pow(2.0, halvings + 1));
        if (cum == total) {
          done = true;
          break;
        }
      }
      if (done) break;
    }
    out += HgrmLine(Highest(b.back()), unit_ratio, 100.0, total, true);
  }
  double var = 0;
  for (const auto& x : b) {
    double d = (x.lower + Highest(x)) / 2 - mean;
    var += d * d * static_cast<double>(x.count);
  }
  double sd = total ? std::sqrt(var / static_cast<double>(total)) : 0;
  double max = b.empty() ? 0 : Highest(b.back());
  int buckets = max < 256 ? 1 : static_cast<int>(std::floor(std::log2(max))) - 6;
  char foot[256];
  std::snprintf(foot, sizeof foot,
                "#[Mean    = %12.3f, StdDeviation   = %12.3f]\n#[Max     = %12.3f, Total count    = %12llu]\n"
                "#[Buckets = %12d, SubBuckets     = %12d]\n",
                mean / unit_ratio, sd / unit_ratio, max / unit_ratio, static_cast<unsigned long long>(total), buckets,
                256);
  return out + foot;
}

namespace {

// memtier names percentile keys "p50.00", "p99.90" (two decimals).
std::string PercentileKey(double p) { return Format("p%.2f", p); }

double Ms(double us) { return std::round(us) / 1000.0; }

// Percentiles of the run's latency_ns histogram in ms (a bucket's top, at most the
// overall max `max_us` as Totals prints it), or from fields <prefix>.p50/p90/p99/p999.
nlohmann::ordered_json Percentiles(const RunReport& r, const std::string& prefix, const HistogramData* h,
                                   const std::vector<double>& wanted, double max_us) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (double p : wanted) {
    if (h) {
      std::vector<HistogramData::Bucket> b;
      uint64_t total = 0;
      for (const auto& x : h->buckets)
        if (x.count) b.push_back(x), total += x.count;
      if (total) {
        uint64_t cum = 0;
        j[PercentileKey(p)] = std::min(Highest(b[BucketAt(b, total, p, &cum)]) / 1e6, Ms(max_us));
        continue;
      }
    }
    static const std::map<double, std::string> kFields = {{50, "p50"}, {90, "p90"}, {99, "p99"}, {99.9, "p999"}};
    auto it = kFields.find(p);
    if (it != kFields.end() && r.Get(prefix + "." + it->second))
      j[PercentileKey(p)] = Ms(r.GetNumber(prefix + "." + it->second));
  }
  return j;
}

}  // namespace

nlohmann::ordered_json MemtierJson(int64_t run_id, const RunReport& r, const std::vector<double>& percentiles) {
  double secs = r.GetNumber("sim_seconds");
  auto per_sec = [&](double n) { return secs > 0 ? n / secs : 0.0; };
  const HistogramData *all = nullptr, *reads = nullptr, *writes = nullptr;
  for (const auto& h : r.histograms) {
    if (h.name == "latency_ns") all = &h;
    if (h.name == "read_latency_ns") reads = &h;
    if (h.name == "write_latency_ns") writes = &h;
  }
  const double overall_max_us = r.Get("latency_us.max") ? r.GetNumber("latency_us.max") : INFINITY;
  auto block = [&](double count, double hits, double misses, const std::string& prefix, const HistogramData* h) {
    nlohmann::ordered_json b;
    b["Count"] = static_cast<int64_t>(count);
    b["Ops/sec"] = per_sec(count);
    b["Hits/sec"] = per_sec(hits);
    b["Misses/sec"] = per_sec(misses);
    // The summary keeps only p50/p99 of writes: their mean and max then come from the histogram (ns).
    std::vector<HistogramData::Bucket> filled;
    if (h)
      for (const auto& x : h->buckets)
        if (x.count) filled.push_back(x);
    double mean_us = r.Get(prefix + ".mean") || filled.empty() ? r.GetNumber(prefix + ".mean") : BucketMean(filled) / 1000;
    b["Latency"] = Ms(mean_us);
    b["Average Latency"] = Ms(mean_us);
    // Max: the exact stored one (Totals, Gets); writes keep none, so the top of their
    // last bucket, but never above the overall max: every write is one of the requests.
    if (r.Get(prefix + ".max")) b["Max Latency"] = Ms(r.GetNumber(prefix + ".max"));
    else if (!filled.empty()) b["Max Latency"] = Ms(std::min(Highest(filled.back()) / 1000, overall_max_us));
    b["Percentile Latencies"] = Percentiles(r, prefix, h, percentiles, overall_max_us);
    return b;
  };
  nlohmann::ordered_json stats;
  double hits = r.GetNumber("hits"), misses = r.GetNumber("misses");
  stats["Sets"] = block(r.GetNumber("writes"), 0, 0, "write_latency_us", writes);
  stats["Gets"] = block(r.GetNumber("reads"), hits, misses, "read_latency_us", reads);
  stats["Waits"] = block(0, 0, 0, "waits", nullptr);
  nlohmann::ordered_json totals = block(r.GetNumber("requests"), hits, misses, "latency_us", all);
  // Per window (memtier: per second): requests, and the window's p50/p99.
  nlohmann::ordered_json serie = nlohmann::ordered_json::object();
  const Series *req = nullptr, *p50 = nullptr, *p99 = nullptr;
  for (const auto& s : r.series) {
    if (s.name == "requests_per_s") req = &s;
    if (s.name == "latency.p50") p50 = &s;
    if (s.name == "latency.p99") p99 = &s;
  }
  double window = 0;
  if (req) {
    SimTime prev = 0;
    if (req->t.size() > 1) window = ToSeconds(req->t[1] - req->t[0]);
    // Keyed by window index: memtier's seconds since the start when the window is 1 s.
    for (size_t i = 0; i < req->t.size(); ++i) {
      nlohmann::ordered_json w;
      w["Count"] = static_cast<int64_t>(std::llround(req->v[i] * ToSeconds(req->t[i] - prev)));
      if (p50 && i < p50->v.size() && std::isfinite(p50->v[i])) w["p50.00"] = Ms(p50->v[i]);
      if (p99 && i < p99->v.size() && std::isfinite(p99->v[i])) w["p99.00"] = Ms(p99->v[i]);
      serie[std::to_string(i)] = std::move(w);
      prev = req->t[i];
    }
  }
  totals["Time-Serie"] = std::move(serie);
  stats["Totals"] = std::move(totals);
  nlohmann::ordered_json runtime;
  runtime["Start time"] = 0;
  runtime["Finish time"] = static_cast<int64_t>(std::llround(secs * 1000));
  runtime["Total duration"] = static_cast<int64_t>(std::llround(secs * 1000));
  runtime["Time unit"] = "MILLISECONDS";
  stats["Runtime"] = std::move(runtime);
  nlohmann::ordered_json doc;
  doc["run information"] = {{"Tool", "cachelab"}, {"run_id", run_id}, {"label", r.label}, {"kind", r.kind},
                            {"seed", r.seed}, {"Time source", "simulated"},
                            {"Time-Serie window seconds", window}};
  doc["configuration"] = ConfigToJson(r.config);
  doc["ALL STATS"] = std::move(stats);
  return doc;
}

}  // namespace cachelab
