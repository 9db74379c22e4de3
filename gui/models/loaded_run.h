// A run as the charts see it: its store id, a legend name and the full report.
// A live run (still in the child process) has id 0 and a partial report.
#pragma once
#include <QString>
#include <cstdint>
#include <vector>

#include "sim/run_report.h"

namespace cachelab::gui {

struct LoadedRun {
  int64_t id = 0;
  QString name;  // display name: what sets it apart from the runs shown with it (run_names.h)
  RunReport report;
};

// "#<id> <label>" (or "live <label>" for id 0).
QString LegendName(int64_t id, const RunReport& report);
// The series called `name`, or nullptr: charts tolerate missing series.
const Series* FindSeries(const RunReport& report, const std::string& name);

}  // namespace cachelab::gui
