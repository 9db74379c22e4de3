// The eviction demo: LRU vs LFU vs S3-FIFO on a Zipf workload polluted by
// periodic one-time scans, replayed through the eviction library (no event
// queue needed: nothing depends on simulated time).
#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "eviction/replay.h"
#include "lab/demo.h"
#include "lab/demo_sim.h"
#include "workloads/zipf.h"

namespace cachelab {
namespace {

constexpr uint64_t kHotKeys = 5000, kRequests = 400000, kScanEvery = 20000, kScanLength = 4000;
constexpr uint64_t kCacheObjects = 1000;

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
    eviction::PolicyOptions opt;
    opt.capacity = kCacheObjects;
    std::string err;
    auto policy = eviction::MakePolicy(name, opt, &err);
    if (!policy) throw std::runtime_error(err);
    eviction::ReplayResult res = eviction::Replay(trace, *policy, {kCacheObjects, /*object_mode=*/true});
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
