// Demos built from simulated runs: a base parameter set and a few variants
// that differ in one or two parameters, compared on one headline metric.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "demos/demo.h"

namespace cachelab {

struct DemoVariant {
  std::string label;
  std::vector<std::pair<std::string, std::string>> params;
};

// The headline: how each variant moved `field` against the first (baseline) variant.
struct DemoMetric {
  std::string field;
  std::string what;   // "database loads per expiry"
  bool lower_is_better = true;
  double scale = 1;   // e.g. 100 for a ratio shown in percent
  std::string unit;   // "%"
};

struct SimDemoSpec {
  std::string name, title, narrative, needs;
  std::vector<std::pair<std::string, std::string>> base;
  std::vector<DemoVariant> variants;
  std::vector<DemoColumn> columns;
  DemoMetric metric;
};

Demo MakeSimDemo(SimDemoSpec spec);
// "Against none (407 database loads per expiry), local-lock cut it to 4 (-99%), ...; best: local-lock."
std::string CompareToBaseline(const std::vector<std::string>& labels, const std::vector<double>& values,
                              const DemoMetric& m);

}  // namespace cachelab
