#include "workloads/trace_stats_report.h"

#include <map>

namespace cachelab {
namespace {

double Ratio(uint64_t a, uint64_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

// A log-bucket histogram regrouped by powers of two: t = the bucket's lower
// bound (0, 1, 2, 4, ...) times `scale` on `axis`, v = its count.
Series PowerOfTwoSeries(const std::string& name, const std::string& unit, const Histogram& h, SeriesAxis axis,
                        SimTime scale = 1) {
  std::map<uint64_t, uint64_t> groups;
  for (const auto& b : h.NonEmpty()) {
    uint64_t lower = b.lower == 0 ? 0 : uint64_t{1} << (63 - __builtin_clzll(b.lower));
    groups[lower] += b.count;
  }
  Series s{name, unit, {}, {}, axis};
  for (auto [lower, count] : groups) {
    s.t.push_back(static_cast<SimTime>(lower) * scale);
    s.v.push_back(static_cast<double>(count));
  }
  return s;
}

void AddQuantiles(RunReport& r, const std::string& prefix, const Histogram& h, double scale = 1) {
  r.Set(prefix + ".min", static_cast<double>(h.min()) * scale);
  r.Set(prefix + ".p50", h.Quantile(0.5) * scale);
  r.Set(prefix + ".p90", h.Quantile(0.9) * scale);
  r.Set(prefix + ".p99", h.Quantile(0.99) * scale);
  r.Set(prefix + ".max", static_cast<double>(h.max()) * scale);
  r.Set(prefix + ".mean", h.mean() * scale);
}

}  // namespace

RunReport TraceStatsReport(const TraceStats& s, const std::string& path, const std::string& format) {
  RunReport r;
  r.kind = "trace";
  r.label = path.substr(path.find_last_of('/') + 1);
  r.config = {{"trace", path}, {"format", format}};
  auto i64 = [](uint64_t v) { return static_cast<int64_t>(v); };
  r.Set("trace", path);
  r.Set("format", format);
  r.Set("requests", i64(s.requests));
  r.Set("unique_objects", i64(s.objects));
  r.Set("one_hit_wonders", i64(s.one_hit_wonders));
  r.Set("one_hit_wonder_ratio", Ratio(s.one_hit_wonders, s.objects));
  r.Set("most_popular_requests", i64(s.max_object_requests));
  r.Set("ops.get", i64(s.gets));
  r.Set("ops.set", i64(s.sets));
  r.Set("ops.delete", i64(s.deletes));
  r.Set("op_mix.get", Ratio(s.gets, s.requests));
  r.Set("op_mix.set", Ratio(s.sets, s.requests));
  r.Set("op_mix.delete", Ratio(s.deletes, s.requests));
  r.Set("zipf.alpha", s.zipf.alpha);
  r.Set("zipf.r2", s.zipf.r2);
  r.Set("zipf.points", i64(s.zipf.points));
  r.Set("requested_bytes", i64(s.requested_bytes));
  r.Set("working_set_bytes", i64(s.working_set_bytes));
  AddQuantiles(r, "size_bytes", s.request_size);
  AddQuantiles(r, "object_size_bytes", s.object_size);
  r.Set("reuses", i64(s.reuse_requests.count()));
  AddQuantiles(r, "reuse_requests", s.reuse_requests);
  if (s.has_time) AddQuantiles(r, "reuse_seconds", s.reuse_ns, 1e-9);
  r.Set("requests_with_ttl", i64(s.with_ttl));
  if (s.with_ttl) AddQuantiles(r, "ttl_seconds", s.ttl_seconds);
  r.Set("clients", i64(s.clients));
  r.Set("has_time", i64(s.has_time));
  if (s.has_time) {
    r.Set("start_seconds", ToSeconds(s.first_time));
    r.Set("duration_seconds", s.duration_seconds());
    r.Set("mean_rate", s.duration_seconds() > 0 ? static_cast<double>(s.requests) / s.duration_seconds() : 0.0);
    r.Set("window_seconds", ToSeconds(s.window));
  } else {
    r.Set("window_requests", static_cast<int64_t>(s.window));
  }

  Series rank{"rank_frequency", "requests (t = popularity rank, 1 = most popular)", {}, {}, SeriesAxis::kRank};
  for (auto [k, c] : s.rank_frequency) {
    rank.t.push_back(static_cast<SimTime>(k));
    rank.v.push_back(static_cast<double>(c));
  }
  r.series.push_back(rank);
  r.series.push_back(PowerOfTwoSeries("size_histogram", "requests (t = size in bytes, bucket [t, 2t))", s.request_size,
                                      SeriesAxis::kBytes));
  r.series.push_back(PowerOfTwoSeries("reuse_histogram",
                                      "reuses (t = requests since the object's previous request, bucket [t, 2t))",
                                      s.reuse_requests, SeriesAxis::kRequests));
  if (s.with_ttl)  // whole seconds, kept as time (ns) so exports say seconds
    r.series.push_back(PowerOfTwoSeries("ttl_histogram", "requests (t = TTL, bucket [t, 2t))", s.ttl_seconds,
                                        SeriesAxis::kTime, kSecond));
  Series rate{"request_rate", "requests/s (t = end of the window, ns since the trace's first request)", {}, {}};
  Series footprint{"footprint", "distinct objects requested so far (t = end of the window)", {}, {}};
  if (!s.has_time) {
    footprint.unit = "distinct objects requested so far (t = requests so far)";
    footprint.axis = SeriesAxis::kRequests;
  }
  for (size_t i = 0; i < s.window_requests.size(); ++i) {
    SimTime end = static_cast<SimTime>(i + 1) * s.window;
    if (s.has_time) {
      rate.t.push_back(end);
      rate.v.push_back(static_cast<double>(s.window_requests[i]) / ToSeconds(s.window));
    }
    footprint.t.push_back(s.has_time ? end : std::min<SimTime>(end, static_cast<SimTime>(s.requests)));
    footprint.v.push_back(static_cast<double>(s.window_footprint[i]));
  }
  if (s.has_time) r.series.push_back(rate);
  r.series.push_back(footprint);
  return r;
}

}  // namespace cachelab
