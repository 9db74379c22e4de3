// The harness's accounting: named counters, latency histograms and fixed-window
// time series. Components register what they count once (getting a cheap index)
// and add to it on the hot path; CloseWindow() turns the window's deltas into
// series points. Metrics never reads a clock: the caller says when windows end.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/histogram.h"
#include "sim/run_report.h"
#include "sim/time.h"

namespace cachelab {

class Metrics {
 public:
  using Id = uint32_t;

  explicit Metrics(SimTime window = kSecond) : window_(window) {}

  SimTime window() const { return window_; }

  // A monotonically increasing count. With series=true, each window's delta is
  // kept as a series (per_second=true divides by the window length in seconds).
  Id Counter(const std::string& name, bool series = false, bool per_second = false);
  void Add(Id id, int64_t v = 1) { counters_[id].value += v; }
  int64_t Value(Id id) const { return counters_[id].value; }
  int64_t ValueOf(const std::string& name) const;

  // A count kept elsewhere (e.g. Redis's expired_keys): each window's delta of
  // read() becomes a series point.
  void ExternalCounter(const std::string& name, std::function<int64_t()> read, bool per_second = false);

  // A level sampled at each window end (memory used, keys, ...); `unit` names
  // what it counts ("bytes", "count"), as the series' unit in results.
  Id Gauge(const std::string& name, const std::string& unit, std::function<double()> read);

  // A latency (or other) distribution. With series=true, the window's p50/p99
  // are kept as series "<name>.p50" / "<name>.p99" in microseconds.
  Id Hist(const std::string& name, bool series = false);
  void Record(Id id, uint64_t value) {
    hists_[id]->total.Record(value);
    if (hists_[id]->series) hists_[id]->window.Record(value);
  }
  const Histogram& HistogramOf(Id id) const { return hists_[id]->total; }

  // Ratio series a/(a+b) per window, e.g. hit ratio = hits / (hits + misses).
  void RatioSeries(const std::string& name, Id a, Id b);
  // Max-per-window of a level a component reports through Peak() (e.g. DB concurrency).
  Id PeakSeries(const std::string& name, const std::string& unit);
  void Peak(Id id, double v) {
    if (v > peaks_[id].window_max) peaks_[id].window_max = v;
    if (v > peaks_[id].overall) peaks_[id].overall = v;
  }
  double PeakOverall(Id id) const { return peaks_[id].overall; }

  // Closes the window ending at `end`. Call every window() of simulated time
  // and once more at the end of the run (a partial last window is scaled by its
  // true length for per-second series).
  void CloseWindow(SimTime end);

  // Warm-up over (--warmup): closes the partial window at `now`, then forgets
  // everything so far (counter totals, histograms, peaks, series points), so
  // the report and the series cover measurement only; windows keep their grid.
  void StartMeasurement(SimTime now);

  // Moves every series into the report.
  void ExportSeries(RunReport* report) const;
  // Adds histogram buckets to the report.
  void ExportHistogram(Id id, const std::string& name, RunReport* report) const;

 private:
  struct CounterState {
    std::string name;
    int64_t value = 0;
    int64_t at_window_start = 0;
    bool series = false, per_second = false;
    int series_index = -1;
  };
  struct GaugeState {
    std::function<double()> read;
    int series_index;
  };
  struct ExternalState {
    std::function<int64_t()> read;
    int64_t last = 0;
    bool per_second;
    int series_index;
  };
  struct HistState {
    std::string name;
    Histogram total, window;
    bool series = false;
    int p50_index = -1, p99_index = -1;
  };
  struct RatioState {
    Id a, b;
    int64_t a0 = 0, b0 = 0;
    int series_index;
  };
  struct PeakState {
    double window_max = 0, overall = 0;
    int series_index;
  };
  int NewSeries(const std::string& name, const std::string& unit);

  SimTime window_;
  SimTime last_close_ = 0;
  std::vector<CounterState> counters_;
  std::vector<GaugeState> gauges_;
  std::vector<ExternalState> externals_;
  std::vector<std::unique_ptr<HistState>> hists_;
  std::vector<RatioState> ratios_;
  std::vector<PeakState> peaks_;
  std::vector<Series> series_;
};

}  // namespace cachelab
