// What a churn event did to the service, read off the run's windowed series:
// the hit-ratio dip below the level just before the event, how long until it
// was back within one point, and the database load spike it caused.
#pragma once
#include "sim/run_report.h"

namespace cachelab {

struct ChurnImpact {
  double hit_ratio_before = 0;  // mean of the (up to 3) windows ending at or before the event
  double hit_ratio_min = 0;     // lowest window after it, until the next event
  double dip = 0;               // before - min, >= 0
  double recovery_s = -1;       // event -> end of the first window back within 1 point; -1: not before the next event
  double db_qps_before = 0;
  double db_qps_peak = 0;
  double db_spike = 0;          // peak / before (0 when there was no load before)
};

// `at`: the event; `until`: the next event or the end of the run.
ChurnImpact MeasureImpact(const Series& hit_ratio, const Series& db_qps, SimTime at, SimTime until);

}  // namespace cachelab
