#include "sim/metrics.h"

namespace cachelab {

int Metrics::NewSeries(const std::string& name, const std::string& unit) {
  series_.push_back(Series{name, unit, {}, {}});
  return static_cast<int>(series_.size() - 1);
}

Metrics::Id Metrics::Counter(const std::string& name, bool series, bool per_second) {
  for (Id i = 0; i < counters_.size(); ++i)
    if (counters_[i].name == name) return i;
  CounterState c;
  c.name = name;
  c.series = series;
  c.per_second = per_second;
  if (series) c.series_index = NewSeries(per_second ? name + "_per_s" : name, per_second ? "1/s" : "count");
  counters_.push_back(std::move(c));
  return static_cast<Id>(counters_.size() - 1);
}

int64_t Metrics::ValueOf(const std::string& name) const {
  for (auto& c : counters_)
    if (c.name == name) return c.value;
  return 0;
}

Metrics::Id Metrics::Gauge(const std::string& name, const std::string& unit, std::function<double()> read) {
  gauges_.push_back({std::move(read), NewSeries(name, unit)});
  return static_cast<Id>(gauges_.size() - 1);
}

void Metrics::ExternalCounter(const std::string& name, std::function<int64_t()> read, bool per_second) {
  int64_t start = read();
  externals_.push_back({std::move(read), start, per_second,
                        NewSeries(per_second ? name + "_per_s" : name, per_second ? "1/s" : "count")});
}

Metrics::Id Metrics::Hist(const std::string& name, bool series) {
  auto h = std::make_unique<HistState>();
  h->name = name;
  h->series = series;
  if (series) {
    h->p50_index = NewSeries(name + ".p50", "us");
    h->p99_index = NewSeries(name + ".p99", "us");
  }
  hists_.push_back(std::move(h));
  return static_cast<Id>(hists_.size() - 1);
}

void Metrics::RatioSeries(const std::string& name, Id a, Id b) {
  ratios_.push_back({a, b, 0, 0, NewSeries(name, "ratio")});
}

Metrics::Id Metrics::PeakSeries(const std::string& name, const std::string& unit) {
  peaks_.push_back({0, 0, NewSeries(name, unit)});
  return static_cast<Id>(peaks_.size() - 1);
}

void Metrics::StartMeasurement(SimTime now) {
  CloseWindow(now);
  for (auto& c : counters_) c.value = c.at_window_start = 0;
  for (auto& h : hists_) {
    h->total.Clear();
    h->window.Clear();
  }
  for (auto& r : ratios_) r.a0 = r.b0 = 0;
  for (auto& p : peaks_) p.window_max = p.overall = 0;
  for (auto& s : series_) {
    s.t.clear();
    s.v.clear();
  }
}

void Metrics::CloseWindow(SimTime end) {
  SimTime len = end - last_close_;
  if (len <= 0) return;
  double seconds = ToSeconds(len);
  auto push = [&](int index, double v) {
    series_[index].t.push_back(end);
    series_[index].v.push_back(v);
  };
  for (auto& c : counters_) {
    if (c.series) {
      double d = static_cast<double>(c.value - c.at_window_start);
      push(c.series_index, c.per_second ? d / seconds : d);
    }
    c.at_window_start = c.value;
  }
  for (auto& g : gauges_) push(g.series_index, g.read());
  for (auto& x : externals_) {
    int64_t now = x.read();
    double d = static_cast<double>(now - x.last);
    push(x.series_index, x.per_second ? d / seconds : d);
    x.last = now;
  }
  for (auto& h : hists_) {
    if (!h->series) continue;
    push(h->p50_index, h->window.Quantile(0.50) / 1000.0);
    push(h->p99_index, h->window.Quantile(0.99) / 1000.0);
    h->window.Clear();
  }
  for (auto& r : ratios_) {
    double a = static_cast<double>(counters_[r.a].value - r.a0);
    double b = static_cast<double>(counters_[r.b].value - r.b0);
    // A window without events has no ratio: leave a gap rather than plot a 0.
    if (a + b > 0) push(r.series_index, a / (a + b));
    r.a0 = counters_[r.a].value;
    r.b0 = counters_[r.b].value;
  }
  for (auto& p : peaks_) {
    push(p.series_index, p.window_max);
    p.window_max = 0;
  }
  last_close_ = end;
}

void Metrics::ExportSeries(RunReport* report) const {
  for (auto& s : series_) report->series.push_back(s);
}

void Metrics::ExportHistogram(Id id, const std::string& name, RunReport* report) const {
  HistogramData d;
  d.name = name;
  for (auto& b : hists_[id]->total.NonEmpty())
    d.buckets.push_back({static_cast<double>(b.lower), static_cast<double>(b.upper), b.count});
  report->histograms.push_back(std::move(d));
}

}  // namespace cachelab
