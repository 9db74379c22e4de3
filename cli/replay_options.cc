#include "cli/replay_options.h"

#include <variant>

#include "cli/commands.h"

namespace cachelab::cli {

std::string NamedError(const std::string& path, const std::string& error) {
  return error.rfind(path, 0) == 0 ? error : path + ": " + error;
}

SimTime DurationLimit(const ReplayOptions& opt) {
  SimTime duration = 0;
  if (!opt.duration.empty() && (!ParseDuration(opt.duration, &duration) || duration <= 0))
    throw UsageError("--duration: '" + opt.duration + "' is not a positive duration (e.g. 600s, 2h)");
  return duration;
}

void AddLimitConfig(const ReplayOptions& opt, RunReport* rep) {
  if (!opt.warmup.empty()) rep->config.push_back({"warmup", opt.warmup});
  if (!opt.window.empty()) rep->config.push_back({"window", opt.window});
  if (opt.max_requests) rep->config.push_back({"max-requests", std::to_string(opt.max_requests)});
  if (!opt.duration.empty()) rep->config.push_back({"duration", opt.duration});
}

nlohmann::ordered_json ReplayJson(const RunReport& r) {
  nlohmann::ordered_json j;
  for (const auto& f : r.fields) std::visit([&](const auto& v) { j[f.name] = v; }, f.value);
  // --window: one object per window, from the series.
  const Series *mr = nullptr, *bmr = nullptr, *req = nullptr;
  for (const auto& s : r.series) (s.name == "miss_ratio" ? mr : s.name == "byte_miss_ratio" ? bmr : req) = &s;
  for (size_t i = 0; mr && bmr && req && i < mr->t.size(); ++i)
    j["windows"].push_back(
        {{"t", mr->t[i]}, {"requests", req->v[i]}, {"miss_ratio", mr->v[i]}, {"byte_miss_ratio", bmr->v[i]}});
  return j;
}

}  // namespace cachelab::cli
