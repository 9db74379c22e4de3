#include "lab/churn_impact.h"

#include <algorithm>

namespace cachelab {
namespace {

constexpr int kBaselineWindows = 3;  // one window is noisy at low rates
constexpr double kRecovered = 0.01;  // "back within one point"

double Before(const Series& s, SimTime at) {
  double sum = 0;
  int n = 0;
  for (size_t i = s.t.size(); i-- > 0 && n < kBaselineWindows;)
    if (s.t[i] <= at) sum += s.v[i], ++n;
  return n ? sum / n : 0;
}

}  // namespace

ChurnImpact MeasureImpact(const Series& hit_ratio, const Series& db_qps, SimTime at, SimTime until) {
  ChurnImpact m;
  m.hit_ratio_before = Before(hit_ratio, at);
  m.hit_ratio_min = m.hit_ratio_before;
  size_t min_at = 0;
  bool any = false;
  for (size_t i = 0; i < hit_ratio.t.size(); ++i) {
    if (hit_ratio.t[i] <= at || hit_ratio.t[i] > until) continue;
    if (!any || hit_ratio.v[i] < m.hit_ratio_min) m.hit_ratio_min = hit_ratio.v[i], min_at = i;
    any = true;
  }
  m.dip = std::max(0.0, m.hit_ratio_before - m.hit_ratio_min);
  if (m.dip < kRecovered) m.recovery_s = 0;
  for (size_t i = min_at; any && m.recovery_s < 0 && i < hit_ratio.t.size() && hit_ratio.t[i] <= until; ++i) {
    if (hit_ratio.v[i] >= m.hit_ratio_before - kRecovered) {
      m.recovery_s = ToSeconds(hit_ratio.t[i] - at);
      break;
    }
  }
  m.db_qps_before = Before(db_qps, at);
  for (size_t i = 0; i < db_qps.t.size(); ++i)
    if (db_qps.t[i] > at && db_qps.t[i] <= until) m.db_qps_peak = std::max(m.db_qps_peak, db_qps.v[i]);
  m.db_spike = m.db_qps_before > 0 ? m.db_qps_peak / m.db_qps_before : 0;
  return m;
}

}  // namespace cachelab
