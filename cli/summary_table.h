// Plain-text tables for the terminal: a one-run summary and a comparison of
// several runs side by side.
#pragma once
#include <string>
#include <vector>

#include "sim/run_report.h"

namespace cachelab::cli {

struct Column {
  std::string header;
  std::string field;  // dotted field name
  int precision = -1; // -1: integer / text as is
};

// Left-aligned first column, right-aligned numbers, two-space gaps.
std::string FormatTable(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows);
std::string FormatValue(const RunReport& r, const Column& c);
std::string ComparisonTable(const std::vector<RunReport>& reports, const std::vector<Column>& columns);
// The readable summary of one simulated run (`cachelab run`).
std::string RunSummary(const RunReport& r);

}  // namespace cachelab::cli
