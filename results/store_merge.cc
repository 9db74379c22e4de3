#include "results/store_merge.h"

#include <set>

#include "results/run_key.h"

namespace cachelab {
namespace {

RunReport SummaryAsReport(const RunSummary& s) {
  RunReport r;
  r.kind = s.kind;
  r.label = s.label;
  r.run_key = s.run_key;
  r.seed = s.seed;
  r.config = s.config;
  r.fields = s.fields;
  return r;
}

}  // namespace

MergeStats MergeInto(ResultStore& out, const std::vector<std::string>& inputs) {
  MergeStats stats;
  std::set<std::string> seen;
  for (const auto& s : out.ListRuns()) seen.insert(DedupKeyOf(SummaryAsReport(s)));
  for (const auto& path : inputs) {
    ResultStore in(path, /*read_only=*/true);
    std::vector<RunReport> batch;
    for (const auto& s : in.ListRuns()) {
      std::string key = DedupKeyOf(SummaryAsReport(s));
      if (!seen.insert(key).second) {
        ++stats.skipped;
        continue;
      }
      RunReport r = in.LoadRun(s.id);
      // Simulated runs get their key, so a sweep resumed on the merged file skips them.
      if (r.run_key.empty() && r.kind == "run") r.run_key = key;
      batch.push_back(std::move(r));
    }
    out.SaveRuns(batch);
    stats.copied += static_cast<int64_t>(batch.size());
  }
  return stats;
}

}  // namespace cachelab
