// `cachelab replay`'s options, and what the simulated replay (cmd_replay.cc)
// and the replay on live Redis (cmd_replay_live.cc) share.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/live_flags.h"
#include "sim/run_report.h"
#include "sim/time.h"

namespace cachelab::cli {

struct ReplayOptions {
  std::string trace, format, csv_spec, db, mrc_out;
  std::string window, warmup;  // --window/--report-interval, --warmup
  uint64_t max_requests = 0;   // --max-requests (0: the whole trace)
  std::string duration;        // --duration: trace time from its first request
  std::string output = "table";     // table, json, libcachesim
  bool libcachesim_units = false;   // KB/MB/GB mean KiB/MiB/GiB
  bool use_ttl = false;             // objects expire at their trace TTL
  std::vector<std::string> policies, sizes;
  std::vector<std::string> policy_params;  // "POLICY:k=v,k=v", repeatable
  std::string admission;                   // NAME[:k=v,...] in front of every policy
  std::string experiment;                  // --experiment FILE.toml: values for flags not given
  bool object_mode = false, skip_bad = false, json = false, mrc = false, no_store = false;
  bool progress = false;      // progress lines on stderr when it is not a terminal
  bool compare_live = false;  // also replay on the simulated Redis configured like the live server
  double shards_rate = 1.0;
  unsigned jobs = 0;
  LiveFlags live;  // --backend: replay on live Redis instead
};

// Errors that do not name the trace yet get its path in front.
std::string NamedError(const std::string& path, const std::string& error);
// --duration as simulated time (0: the whole trace).
SimTime DurationLimit(const ReplayOptions& opt);
// The flags' config entries, on every replay report.
void AddLimitConfig(const ReplayOptions& opt, RunReport* rep);
// A replay report as --json prints it (its --window series as "windows").
nlohmann::ordered_json ReplayJson(const RunReport& r);
// --backend: the trace on live Redis (policy and size are the server's)
// and/or on the simulated Redis (--backend sim[:...]), same pipelining.
void ExecuteLiveReplay(const ReplayOptions& opt);

}  // namespace cachelab::cli
