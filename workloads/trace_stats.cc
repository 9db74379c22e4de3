#include "workloads/trace_stats.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_set>

#include "eviction/id_map.h"
#include "sim/progress_meter.h"

namespace cachelab {
namespace {

struct ObjectState {
  uint64_t count = 0;
  uint64_t last_index = 0;
  SimTime last_time = 0;
};

// Request counts per window; doubles the window (merging pairs) when there
// would be too many.
class Windows {
 public:
  Windows(SimTime width, bool fixed, size_t max) : width_(width), fixed_(fixed), max_(max) {}
  void Add(SimTime offset, uint64_t footprint) {
    size_t w = static_cast<size_t>(offset / width_);
    while (!fixed_ && w >= max_) {
      Merge();
      w = static_cast<size_t>(offset / width_);
    }
    if (requests_.size() <= w) {
      uint64_t last = footprint_.empty() ? 0 : footprint_.back();
      requests_.resize(w + 1, 0);
      footprint_.resize(w + 1, last);
    }
    ++requests_[w];
    footprint_[w] = footprint;
  }
  SimTime width() const { return width_; }
  std::vector<uint64_t>& requests() { return requests_; }
  std::vector<uint64_t>& footprint() { return footprint_; }

 private:
  void Merge() {
    const size_t n = (requests_.size() + 1) / 2;
    for (size_t i = 0; i < n; ++i) {
      const size_t a = 2 * i, b = std::min(a + 1, requests_.size() - 1);
      requests_[i] = requests_[a] + (b != a ? requests_[b] : 0);
      footprint_[i] = footprint_[b];
    }
    requests_.resize(n);
    footprint_.resize(n);
    width_ *= 2;
  }
  SimTime width_;
  bool fixed_;
  size_t max_;
  std::vector<uint64_t> requests_, footprint_;
};

}  // namespace

ZipfFit FitZipf(const std::vector<uint64_t>& counts, std::vector<std::pair<uint64_t, uint64_t>>* points) {
  ZipfFit fit;
  std::vector<double> xs, ys;
  uint64_t last = 0;
  for (int k = 0;; ++k) {
    auto rank = static_cast<uint64_t>(std::floor(std::pow(10.0, k / 20.0)));
    if (rank > counts.size()) break;
    if (rank == last || counts[rank - 1] == 0) continue;
    last = rank;
    xs.push_back(std::log10(static_cast<double>(rank)));
    ys.push_back(std::log10(static_cast<double>(counts[rank - 1])));
    if (points) points->push_back({rank, counts[rank - 1]});
  }
  // The last rank too, so the plot reaches the tail.
  if (!counts.empty() && last != counts.size() && counts.back() > 0) {
    xs.push_back(std::log10(static_cast<double>(counts.size())));
    ys.push_back(std::log10(static_cast<double>(counts.back())));
    if (points) points->push_back({counts.size(), counts.back()});
  }
  fit.points = xs.size();
  if (xs.size() < 2) return fit;
  double n = static_cast<double>(xs.size()), sx = 0, sy = 0;
  for (size_t i = 0; i < xs.size(); ++i) sx += xs[i], sy += ys[i];
  double mx = sx / n, my = sy / n, sxx = 0, sxy = 0, syy = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    sxx += (xs[i] - mx) * (xs[i] - mx);
    sxy += (xs[i] - mx) * (ys[i] - my);
    syy += (ys[i] - my) * (ys[i] - my);
  }
  double slope = sxy / sxx;
  fit.alpha = -slope;
  double ss_res = 0;
  for (size_t i = 0; i < xs.size(); ++i) {
    double e = ys[i] - (my + slope * (xs[i] - mx));
    ss_res += e * e;
  }
  fit.r2 = syy > 0 ? 1 - ss_res / syy : 1;
  return fit;
}

bool ComputeTraceStats(TraceReader& reader, const TraceStatsOptions& options, TraceStats* out, std::string* error) {
  TraceStats& s = *out;
  s = TraceStats{};
  eviction::IdMap index(1024);
  std::vector<ObjectState> objects;
  std::unordered_set<uint32_t> clients;
  // Both kinds of window: whether the trace has time is known only at its end.
  Windows by_time(options.window ? options.window : kSecond, options.window != 0, options.max_windows);
  Windows by_request(1, false, options.max_windows);
  ProgressMeter meter("profiling " + reader.Label(), "requests", [&] { return reader.FractionRead(); });
  Request r;
  while (reader.Next(&r)) {
    meter.Tick(s.requests);
    const uint64_t i = s.requests++;
    if (i == 0) s.first_time = r.at;
    s.last_time = r.at;
    switch (r.op) {
      case Op::kGet: ++s.gets; break;
      case Op::kSet: ++s.sets; break;
      case Op::kDelete: ++s.deletes; break;
    }
    s.requested_bytes += r.size;
    s.request_size.Record(r.size);
    if (r.ttl > 0) {
      ++s.with_ttl;
      s.ttl_seconds.Record(static_cast<uint64_t>(r.ttl / kSecond));
    }
    if (r.op == Op::kSet) s.write_ttl_seconds.Record(static_cast<uint64_t>(std::max<SimTime>(r.ttl, 0) / kSecond));
    clients.insert(r.client);
    uint32_t h = index.Find(r.key);
    if (h == eviction::IdMap::kNone) {
      h = static_cast<uint32_t>(objects.size());
      index.Put(r.key, h);
      objects.push_back({});
      s.working_set_bytes += r.size;
      s.object_size.Record(r.size);
    } else {
      s.reuse_requests.Record(i - objects[h].last_index);
      if (r.at >= objects[h].last_time) s.reuse_ns.Record(static_cast<uint64_t>(r.at - objects[h].last_time));
    }
    ObjectState& o = objects[h];
    ++o.count;
    o.last_index = i;
    o.last_time = r.at;
    by_time.Add(r.at >= s.first_time ? r.at - s.first_time : 0, objects.size());
    by_request.Add(static_cast<SimTime>(i), objects.size());
  }
  if (!reader.ok()) {
    *error = reader.error();
    return false;
  }
  meter.Finish(s.requests);
  // A trace without times reads as all zero (txt) or one constant instant.
  s.has_time = s.requests > 0 && (s.first_time != 0 || s.last_time != s.first_time);
  s.objects = objects.size();
  s.clients = clients.size();
  std::vector<uint64_t> counts;
  counts.reserve(objects.size());
  for (const auto& o : objects) {
    counts.push_back(o.count);
    s.one_hit_wonders += o.count == 1;
  }
  std::sort(counts.begin(), counts.end(), std::greater<>());
  if (!counts.empty()) s.max_object_requests = counts.front();
  s.zipf = FitZipf(counts, &s.rank_frequency);
  Windows& w = s.has_time ? by_time : by_request;
  s.window = w.width();
  s.window_requests = std::move(w.requests());
  s.window_footprint = std::move(w.footprint());
  return true;
}

}  // namespace cachelab
