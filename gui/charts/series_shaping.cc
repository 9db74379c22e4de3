#include "gui/charts/series_shaping.h"

#include <algorithm>
#include <cmath>

namespace cachelab::gui {

double WindowSeconds(const Series& s) {
  if (s.t.size() < 2) return 0;
  std::vector<SimTime> gaps;
  for (size_t i = 1; i < s.t.size(); ++i) gaps.push_back(s.t[i] - s.t[i - 1]);
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<long>(gaps.size() / 2), gaps.end());
  return ToSeconds(gaps[gaps.size() / 2]);
}

ShapedSeries Shape(const Series& s, const ShapeOptions& o) {
  ShapedSeries out;
  size_t n = std::min(s.t.size(), s.v.size());
  if (o.x_is_time && n >= 3) {
    // Windows are equal but the last: the run's end cuts it short.
    double window = WindowSeconds(s);
    double last = ToSeconds(s.t[n - 1] - s.t[n - 2]);
    if (window > 0 && last < 0.99 * window) {
      --n;
      out.dropped_partial = true;
    }
  }
  QList<QPointF> pts;
  pts.reserve(static_cast<qsizetype>(n));
  double sum = 0;
  for (size_t i = 0; i < n; ++i) {
    double v = s.v[i];
    if (!std::isfinite(v)) continue;
    if (o.cumulative) v = sum += v;
    v *= o.scale;
    if (o.positive_only && v <= 0) continue;
    double x = o.x_is_time ? ToSeconds(s.t[i]) : static_cast<double>(s.t[i]) * o.x_scale;
    // A running total changes at the window's end: a step, not a ramp across the window.
    if (o.cumulative && !pts.isEmpty()) pts.append({x, pts.back().y()});
    pts.append({x, v});
  }
  if (pts.size() <= o.max_points || o.max_points < 4) {
    out.points = std::move(pts);
    return out;
  }
  // Min/max envelope: each bin keeps its lowest and highest point, in time order.
  int bin = static_cast<int>(std::ceil(pts.size() / (o.max_points / 2.0)));
  out.bin = bin;
  for (qsizetype start = 0; start < pts.size(); start += bin) {
    qsizetype end = std::min<qsizetype>(start + bin, pts.size());
    qsizetype lo = start, hi = start;
    for (qsizetype i = start; i < end; ++i) {
      if (pts[i].y() < pts[lo].y()) lo = i;
      if (pts[i].y() > pts[hi].y()) hi = i;
    }
    out.points.append(pts[std::min(lo, hi)]);
    if (lo != hi) out.points.append(pts[std::max(lo, hi)]);
  }
  return out;
}

bool SameSeries(const Series& a, const Series& b) { return a.t == b.t && a.v == b.v; }

}  // namespace cachelab::gui
