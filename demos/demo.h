// Teaching demos: small, fast experiments with a narrative told before and a
// conclusion computed from the measured numbers after. Each demo's reports
// carry fields "demo", "variant", "narrative" and "conclusion", so the
// dashboard can open a stored demo as a guided page.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "sim/run_report.h"

namespace cachelab {

struct DemoColumn {
  std::string header, field;
  int precision = -1;  // -1: integer
};

struct DemoResult {
  std::vector<RunReport> reports;  // one per variant, kind "demo"
  std::vector<DemoColumn> columns;
  std::string conclusion;
};

struct Demo {
  std::string name, title, narrative;
  // Empty when the demo can run here; otherwise what it needs ("the stampede guards (--stampede)").
  std::function<std::string()> missing;
  std::function<DemoResult(unsigned jobs)> run;
};

const std::vector<Demo>& Demos();
const Demo* FindDemo(const std::string& name);

// Stamps the demo's identity, narrative and conclusion into every report.
void LabelDemoReports(const Demo& demo, DemoResult* result);

}  // namespace cachelab
