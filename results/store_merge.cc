#include "results/store_merge.h"

#include <set>
#include <stdexcept>

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
  // Everything is read first and written in one transaction: a bad input
  // (corrupt, not a results file, newer schema) leaves the output unchanged.
  std::vector<RunReport> batch;
  std::vector<std::string> created_at;
  for (const auto& path : inputs) {
    try {
      ResultStore in(path, /*read_only=*/true);
      if (in.SchemaVersion() > ResultStore::kVersion)
        throw std::runtime_error("written by a newer cachelab (schema version " + std::to_string(in.SchemaVersion()) +
                                 ", this build knows up to " + std::to_string(ResultStore::kVersion) + ")");
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
        created_at.push_back(s.created_at);  // when the run was made, not when it was merged
      }
    } catch (const std::exception& e) {
      std::string what = e.what();
      if (what.find(path) == std::string::npos) what = "'" + path + "': " + what;
      throw std::runtime_error("cannot merge " + what + " (nothing was written to '" + out.path() + "')");
    }
  }
  std::vector<bool> inserted;
  out.SaveRuns(batch, &inserted, created_at);
  for (bool in : inserted) in ? ++stats.copied : ++stats.skipped;
  return stats;
}

}  // namespace cachelab
