// The eviction demo: LRU vs LFU vs S3-FIFO on a Zipf workload polluted by
// periodic one-time scans, replayed through the eviction library (no event
// queue needed: nothing depends on simulated time).
#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "demos/demo.h"
#include "demos/demo_sim.h"
#include "eviction/replay.h"
#include "workloads/zipf.h"

namespace cachelab {
namespace {

constexpr uint64_t kHotKeys = 5000, kRequests = 400000, kScanEvery = 20000, kScanLength = 4000;
constexpr uint64_t kCacheObjects = 1000;
constexpr uint64_t kWindow = 10000;  // requests per point of the hit-ratio series: half the windows hold a scan

// Requests [start, end) of the scans: their keys lie above the hot keys.
uint64_t ScansIn(const eviction::ReplayTrace& trace, size_t start, size_t end) {
  return static_cast<uint64_t>(std::count_if(trace.ids.begin() + static_cast<long>(start),
                                             trace.ids.begin() + static_cast<long>(end),
                                             [](uint64_t id) { return id >= kHotKeys; }));
}

// `name` over `trace` in a cache of kCacheObjects objects.
eviction::ReplayResult ReplayObjects(const eviction::ReplayTrace& trace, const char* name) {
  eviction::PolicyOptions opt;
  opt.capacity = kCacheObjects;
  std::string err;
  auto policy = eviction::MakePolicy(name, opt, &err);
  if (!policy) throw std::runtime_error(err);
  return eviction::Replay(trace, *policy, {kCacheObjects, /*object_mode=*/true});
}

// The hot keys' hit ratio per window of kWindow requests, for the dashboard:
// the replay reports totals only, so each prefix is replayed afresh
// (deterministic policies) and window w's misses are prefix(w) - prefix(w-1);
// a scanned key is never seen again, so every scan request is a miss and
// leaving them out leaves the hot keys' misses: what a scan costs afterwards.
Series HotHitRatio(const eviction::ReplayTrace& trace, const char* name) {
  Series s{"hot_hit_ratio", "ratio of the hot keys' requests (t = requests so far)", {}, {}, SeriesAxis::kRequests};
  uint64_t prev_requests = 0, prev_misses = 0;
  for (size_t end = kWindow;; end += kWindow) {
    end = std::min(end, trace.size());
    eviction::ReplayTrace prefix;
    prefix.ids.assign(trace.ids.begin(), trace.ids.begin() + static_cast<long>(end));
    prefix.sizes.assign(trace.sizes.begin(), trace.sizes.begin() + static_cast<long>(end));
    eviction::ReplayResult res = ReplayObjects(prefix, name);
    uint64_t scans = ScansIn(trace, prev_requests, end);
    uint64_t requests = res.requests - prev_requests - scans, misses = res.misses - prev_misses - scans;
    s.t.push_back(static_cast<SimTime>(end));
    s.v.push_back(requests ? 1.0 - static_cast<double>(misses) / static_cast<double>(requests) : 0.0);
    prev_requests = res.requests;
    prev_misses = res.misses;
    if (end == trace.size()) break;
  }
  return s;
}

// One-time (scan) requests per window: where the scans are.
Series ScanRequests(const eviction::ReplayTrace& trace) {
  Series s{"scan_requests", "requests (t = requests so far)", {}, {}, SeriesAxis::kRequests};
  for (size_t start = 0; start < trace.size(); start += kWindow) {
    size_t end = std::min<size_t>(start + kWindow, trace.size());
    s.t.push_back(static_cast<SimTime>(end));
    s.v.push_back(static_cast<double>(ScansIn(trace, start, end)));
  }
  return s;
}

eviction::ReplayTrace ScanPollutedTrace(uint64_t seed) {
  eviction::ReplayTrace t;
  ZipfSampler zipf(kHotKeys, 1.0);
  Rng rng(seed, "eviction-demo");
  uint64_t next_scan_key = kHotKeys;  // scanned keys are never seen again
  for (uint64_t i = 0; t.size() < kRequests; ++i) {
    if (i > 0 && i % kScanEvery == 0)
      for (uint64_t s = 0; s < kScanLength; ++s) t.ids.push_back(next_scan_key++), t.sizes.push_back(1);
    t.ids.push_back(zipf.Sample(rng));
    t.sizes.push_back(1);
  }
  return t;
}

DemoResult RunEvictionDemo(unsigned) {
  eviction::ReplayTrace trace = ScanPollutedTrace(1);
  DemoResult r;
  std::vector<std::string> labels;
  std::vector<double> values;
  for (const char* name : {"lru", "lfu", "s3fifo"}) {
    eviction::ReplayResult res = ReplayObjects(trace, name);
    RunReport rep;
    rep.label = name;
    rep.seed = 1;
    rep.config = {{"policy", name},
                  {"cache-objects", std::to_string(kCacheObjects)},
                  {"hot-keys", std::to_string(kHotKeys)},
                  {"alpha", "1.0"},
                  {"scan", std::to_string(kScanLength) + " one-time keys every " + std::to_string(kScanEvery) + " requests"}};
    double hit_ratio = res.requests ? 1.0 - static_cast<double>(res.misses) / res.requests : 0;
    rep.Set("variant", std::string(name));
    rep.Set("requests", static_cast<int64_t>(res.requests));
    rep.Set("misses", static_cast<int64_t>(res.misses));
    rep.Set("hit_ratio", hit_ratio);
    rep.Set("miss_ratio", 1 - hit_ratio);
    rep.series.push_back(HotHitRatio(trace, name));
    rep.series.push_back(ScanRequests(trace));
    r.reports.push_back(std::move(rep));
    labels.push_back(name);
    values.push_back(1 - hit_ratio);
  }
  r.columns = {{"policy", "variant"}, {"hit ratio", "hit_ratio", 4}, {"misses", "misses"}};
  r.conclusion = CompareToBaseline(labels, values, {"miss_ratio", "misses", true, 100, "%"});
  double best = std::min(values[1], values[2]);
  if (best < values[0]) {
    char buf[160];
    std::snprintf(buf, sizeof buf, " Through the scans LRU missed %.0f more times than the best of the others.",
                  (values[0] - best) * static_cast<double>(r.reports[0].GetNumber("requests")));
    r.conclusion += buf;
  }
  return r;
}

}  // namespace

Demo EvictionDemo() {
  Demo d;
  d.name = "eviction";
  d.title = "LRU vs LFU vs S3-FIFO on a scan-polluted workload";
  char narrative[640];
  std::snprintf(narrative, sizeof narrative,
                "A cache of %llu objects serves %llu hot keys with Zipf(1.0) popularity. Every %llu requests a batch "
                "job scans %llu keys that are never read again. LRU treats each scanned key as the most recent and "
                "evicts hot keys to make room; LFU counts accesses; S3-FIFO admits new keys to a small probation "
                "queue and only promotes those hit again. Which keeps the hot set through the scans?",
                static_cast<unsigned long long>(kCacheObjects), static_cast<unsigned long long>(kHotKeys),
                static_cast<unsigned long long>(kScanEvery), static_cast<unsigned long long>(kScanLength));
  d.narrative = narrative;
  d.missing = [] { return std::string(); };
  d.run = RunEvictionDemo;
  return d;
}

}  // namespace cachelab
