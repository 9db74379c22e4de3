// Replay experiment files: `cachelab replay --experiment FILE.toml`. One
// [replay] table whose keys are replay's long flags without dashes:
//   trace, format, csv-spec, policy, size, policy-params, admission,
//   ignore-obj-size, use-ttl, libcachesim-units, skip-bad, jobs, window, warmup
// policy, size and policy-params take one value or a list; the file is a sweep
// over every (policy, size) pair, as the flags are. A flag given on the
// command line wins over the file. Every value is checked when the file loads:
// an unknown key, a wrong type or a bad value (an unknown policy, a bad size,
// a policy parameter out of range, a bad admission spec) is refused as
// "FILE:LINE: key 'k': why" (UsageError, exit 2) before anything runs.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace cachelab::cli {

struct ReplayFileValues {
  std::optional<std::string> trace, format, csv_spec, admission, window, warmup;
  std::optional<std::vector<std::string>> policies, sizes, policy_params;
  std::optional<bool> object_mode, use_ttl, libcachesim_units, skip_bad;
  std::optional<unsigned> jobs;
};

ReplayFileValues LoadReplayExperiment(const std::string& path);
ReplayFileValues ParseReplayExperiment(const std::string& text, const std::string& path);

}  // namespace cachelab::cli
