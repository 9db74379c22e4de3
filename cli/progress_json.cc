#include "cli/progress_json.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "sim/metrics.h"

namespace cachelab::cli {
namespace {

void Emit(const nlohmann::json& j) {
  std::fprintf(stderr, "%s\n", j.dump().c_str());
  std::fflush(stderr);  // the reader is live: never sit in a buffer
}

}  // namespace

void ProgressJson::OnProgress(const Progress& p) {
  Emit({{"type", "progress"}, {"done", p.done}, {"total", p.total}, {"sim_s", p.sim_seconds}});
  if (!p.metrics) return;
  RunReport partial;
  p.metrics->ExportSeries(&partial);
  for (const auto& s : partial.series) {
    size_t& sent = sent_[s.name];
    if (s.t.size() <= sent) continue;
    std::vector<SimTime> t(s.t.begin() + static_cast<std::ptrdiff_t>(sent), s.t.end());
    std::vector<double> v(s.v.begin() + static_cast<std::ptrdiff_t>(sent), s.v.end());
    sent = s.t.size();
    Emit({{"type", "series"}, {"name", s.name}, {"unit", s.unit}, {"t", t}, {"v", v}});
  }
}

void ProgressJson::OnRuns(uint64_t done, uint64_t total) {
  Emit({{"type", "runs"}, {"done", done}, {"total", total}});
}

void ProgressJson::OnSaved(const std::vector<int64_t>& ids, const std::string& db) {
  Emit({{"type", "saved"}, {"ids", ids}, {"db", db}});
}

}  // namespace cachelab::cli
