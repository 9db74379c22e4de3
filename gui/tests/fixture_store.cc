#include "gui/tests/fixture_store.h"

#include "results/result_store.h"

namespace cachelab::gui::test {

RunReport FixtureRun(int i) {
  RunReport r;
  r.label = i == 0 ? "cache-aside/ttl" : "write-through/ttl";
  r.seed = 1;
  r.config = {{"strategy", i == 0 ? "cache-aside" : "write-through"}, {"invalidation", "ttl"}, {"requests", "1000"}};
  r.Set("requests", int64_t{1000});
  r.Set("hit_ratio", 0.75 + 0.01 * i);
  r.Set("latency_us.p99", 900.0);
  r.Set("db_queries", int64_t{250 + i});
  auto add = [&](const char* name, const char* unit, auto f) {
    Series s{name, unit, {}, {}};
    for (int w = 1; w <= 10; ++w) {
      s.t.push_back(w * kSecond);
      s.v.push_back(f(w));
    }
    r.series.push_back(std::move(s));
  };
  add("hit_ratio", "ratio", [&](int w) { return 0.5 + 0.04 * w + 0.01 * i; });
  add("latency.p50", "us", [&](int w) { return 200.0 + w + i; });
  add("latency.p99", "us", [&](int w) { return 2000.0 + 100 * w + 10 * i; });
  add("db_queries_per_s", "1/s", [&](int w) { return 1000.0 - 50 * w - i; });
  add("memory_bytes", "", [&](int w) { return w * 1048576.0 + i * 4096; });
  add("evictions", "count", [&](int w) { return w > 5 ? 10.0 * w + i : 0.0; });
  add("stale_reads", "count", [&](int w) { return w % 3 == 0 ? 5.0 + i : 1.0; });
  add("db_writes_per_s", "1/s", [&](int w) { return 100.0 + w + i; });
  add("lost_writes", "count", [&](int w) { return w == 5 ? 3.0 + i : 0.0; });
  for (int n = 0; n < 4; ++n) {
    r.Set("keys_per_node.node" + std::to_string(n), int64_t{1000 + 100 * n});
    r.Set("requests_per_node.node" + std::to_string(n), int64_t{5000 - 300 * n});
  }
  // The node added at 7 s moved 20% of the keys (run 0, like a ring) or 80% (run 1, like modulo).
  r.Set("churn.0.kind", std::string("add"));
  r.Set("churn.0.t_s", 7.0);
  r.Set("churn.0.remapped", 0.2 + 0.6 * i);
  r.Set("churn.0.ideal", 0.2);
  // A trace profile (`cachelab trace stats`): an exact Zipf(1) popularity, 1000 / rank requests.
  Series rank{"rank_frequency", "requests", {}, {}, SeriesAxis::kRank},
      sizes{"size_histogram", "requests", {}, {}, SeriesAxis::kBytes},
      reuse{"reuse_histogram", "reuses", {}, {}, SeriesAxis::kRequests};
  for (int k = 1; k <= 64; ++k) {
    rank.t.push_back(k);
    rank.v.push_back(1000.0 / k);
  }
  for (int b = 0; b < 8; ++b) {
    sizes.t.push_back(int64_t{64} << b);
    sizes.v.push_back(100.0 + 10 * b + i);
    reuse.t.push_back(int64_t{1} << b);
    reuse.v.push_back(500.0 / (b + 1));
  }
  r.series.push_back(std::move(rank));
  r.series.push_back(std::move(sizes));
  r.series.push_back(std::move(reuse));
  add("request_rate", "requests/s", [&](int w) { return 20000.0 + 100 * w + i; });
  r.Set("zipf.alpha", 1.0);
  // A replay's hit ratio per 10,000 requests (t = requests so far), and its scans.
  Series hot{"hot_hit_ratio", "ratio", {}, {}, SeriesAxis::kRequests},
      scan{"scan_requests", "requests", {}, {}, SeriesAxis::kRequests};
  for (int w = 1; w <= 10; ++w) {
    hot.t.push_back(w * 10000);
    hot.v.push_back(w % 2 ? 0.8 : 0.7 + 0.05 * i);
    scan.t.push_back(w * 10000);
    scan.v.push_back(w % 2 ? 0 : 4000);
  }
  r.series.push_back(std::move(hot));
  r.series.push_back(std::move(scan));
  r.Set("zipf.r2", 1.0);
  // A replay stores both curves: by requests and by bytes.
  Series mrc{"mrc", "ratio", {}, {}, SeriesAxis::kBytes}, byte_mrc{"byte_mrc", "ratio", {}, {}, SeriesAxis::kBytes};
  for (int size = 100; size <= 1000; size += 100) {
    mrc.t.push_back(size);
    mrc.v.push_back(1.0 - size / 1200.0 - 0.01 * i);
    byte_mrc.t.push_back(size);
    byte_mrc.v.push_back(1.0 - size / 1500.0);
  }
  r.series.push_back(std::move(mrc));
  r.series.push_back(std::move(byte_mrc));
  HistogramData h{"latency_ns", {}};
  for (int b = 0; b < 20; ++b) h.buckets.push_back({1e5 * (b + 1), 1e5 * (b + 2), static_cast<uint64_t>(50 + b)});
  r.histograms.push_back(std::move(h));
  r.events = {{3 * kSecond, "expiry-wave", "1000 keys"}, {7 * kSecond, "node-add", "node4"}};
  return r;
}

void WriteFixtureStore(const QString& path, int count) {
  ResultStore store(path.toStdString());
  for (int i = 0; i < count; ++i) store.SaveRun(FixtureRun(i));
}

}  // namespace cachelab::gui::test
