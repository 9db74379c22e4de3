// The tidy CSV's unit column for every field a default `run`, a `replay` and a
// `trace stats` store, collected from real runs so a new field fails here until
// its unit is written down. Found by the independent audit: units were guessed
// from substrings ("expirations" holds "ratio"). The expected units below are
// each field's meaning where it is set (lab/experiment.cc, cli/cmd_replay.cc,
// workloads/trace_stats_report.cc), written by hand.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>

#include "results/export.h"
#include "support/csv_line.h"
#include "support/run_cli.h"
#include "support/temp_dir.h"

using cachelab::testing::RunCli;
using cachelab::testing::SplitCsvLine;
using cachelab::testing::TempDir;

namespace {

const std::map<std::string, std::set<std::string>>& Expected() {
  static const std::map<std::string, std::set<std::string>> kByUnit = {
      {"us",
       {"latency_us.p50", "latency_us.p90", "latency_us.p99", "latency_us.p999", "latency_us.mean", "latency_us.max",
        "read_latency_us.p50", "read_latency_us.p90", "read_latency_us.p99", "read_latency_us.p999",
        "read_latency_us.mean", "read_latency_us.max", "write_latency_us.p50", "write_latency_us.p99",
        "fallback_latency_us.p50", "fallback_latency_us.p99", "fallback_latency_us.p999",
        "latency_in_stampede_us.p50", "latency_in_stampede_us.p99", "latency_in_stampede_us.p999",
        "latency_outside_stampede_us.p50", "latency_outside_stampede_us.p99", "latency_outside_stampede_us.p999"}},
      {"ms",
       {"lock_wait_ms.p50", "lock_wait_ms.p99", "lock_wait_ms.total", "staleness_ms.p50", "staleness_ms.p99",
        "staleness_ms.max"}},
      {"s",
       {"sim_seconds", "wall_seconds", "cpu_seconds", "measurement_start_s", "decode_s", "replay_wall_s",
        "start_seconds", "duration_seconds", "window_seconds", "reuse_seconds.min", "reuse_seconds.p50",
        "reuse_seconds.p90", "reuse_seconds.p99", "reuse_seconds.max", "reuse_seconds.mean"}},
      {"1/s",
       {"sim_requests_per_sec", "db_reads_per_sec", "db_writes_per_sec", "peak_db_qps", "peak_db_read_qps",
        "max_expirations_per_second", "mean_rate"}},
      {"Mreq/s", {"throughput_mreq_s", "throughput_whole_mreq_s"}},
      {"MiB", {"peak_rss_mb"}},
      {"bytes",
       {"memory_bytes", "memory_bytes_peak", "extra_memory_bytes", "cache_size", "requested_bytes", "miss_bytes",
        "working_set_bytes", "size_bytes.min", "size_bytes.p50", "size_bytes.p90", "size_bytes.p99", "size_bytes.max",
        "size_bytes.mean", "object_size_bytes.min", "object_size_bytes.p50", "object_size_bytes.p90",
        "object_size_bytes.p99", "object_size_bytes.max", "object_size_bytes.mean"}},
      {"ratio",
       {"hit_ratio", "stale_read_ratio", "miss_ratio", "byte_miss_ratio", "one_hit_wonder_ratio", "op_mix.get",
        "op_mix.set", "op_mix.delete"}},
      // Counts, counts per something else than time, dimensionless numbers and text.
      {"",
       {"seed", "scenario", "strategy", "invalidation", "stampede", "near_cache", "requests", "reads", "writes", "hits",
        "misses", "user_misses", "loads", "abandoned_loads", "fallbacks", "failed_requests", "cache_errors",
        "cache_commands", "db_queries", "db_reads", "db_writes", "db_peak_concurrency", "evictions", "expirations",
        "expiry_episodes", "hot_key_expiries", "episodes_started_by_miss", "loads_per_expiry_mean",
        "loads_per_expiry_var", "loads_per_expiry_p99", "loads_per_expiry_max", "lock_waits", "lease_conflicts",
        "refresh_ahead_reloads", "refused_fills", "stale_reads", "stale_hits", "stale_serves", "staleness_age_truncated",
        "divergent_keys", "never_corrected_keys", "lost_writes", "extra_commands_per_write", "invalidation_writes",
        "invalidation_extra_commands", "cold_start_keys", "cold_start_loads", "warmup_requests", "sim_events",
        "ops_read", "ops_write", "ops_delete", "fallback_latency_us.count",
        "latency_in_stampede_us.count", "latency_outside_stampede_us.count", "policy", "trace", "format",
        "unique_objects", "one_hit_wonders", "most_popular_requests", "ops.get", "ops.set", "ops.delete", "zipf.alpha",
        "zipf.r2", "zipf.points", "reuses", "reuse_requests.min", "reuse_requests.p50", "reuse_requests.p90",
        "reuse_requests.p99", "reuse_requests.max", "reuse_requests.mean", "requests_with_ttl", "clients", "has_time",
        "skipped_records", "skipped_zero_size"}},
  };
  return kByUnit;
}

}  // namespace

TEST_CASE("tidy csv: the unit of every field a run, a replay and a trace profile store") {
  TempDir dir("export-field-units");
  const std::string db = dir / "u.db", trace = std::string(CACHELAB_TEST_DATA) + "/cloudPhysicsIO.oracleGeneral.bin";
  REQUIRE(RunCli("run --requests 2000 --db " + db).exit_code == 0);
  REQUIRE(RunCli("replay --trace " + trace + " --policy lru --size 0.1 --db " + db).exit_code == 0);
  REQUIRE(RunCli("trace stats " + trace + " --db " + db).exit_code == 0);
  // Object mode: the cache size counts objects (config mode=objects).
  REQUIRE(RunCli("replay --trace " + trace + " --policy lru --size 0.1 --ignore-obj-size --db " + db).exit_code == 0);
  auto csv = RunCli("export --db " + db + " --format csv");
  REQUIRE(csv.exit_code == 0);

  std::map<std::string, std::string> unit_of;
  for (const auto& [unit, names] : Expected())
    for (const auto& n : names) unit_of[n] = unit;
  std::set<std::string> kinds, seen;
  std::stringstream lines(csv.out);
  std::string line;
  std::getline(lines, line);
  REQUIRE(line == "run_id,kind,label,name,unit,value");
  while (std::getline(lines, line)) {
    auto c = SplitCsvLine(line);
    REQUIRE(c.size() == 6);
    if (c[3].rfind("config.", 0) == 0) continue;
    INFO(c[1] << " run " << c[0] << ": " << c[3]);
    kinds.insert(c[1]);
    seen.insert(c[3]);
    if (c[3] == "cache_size" && c[0] == "4") {
      CHECK(c[4] == "objects");
      continue;
    }
    REQUIRE(unit_of.count(c[3]));  // a new field: write its unit above
    CHECK(c[4] == unit_of[c[3]]);
    CHECK(c[4] == cachelab::FieldUnit(c[3]));
  }
  CHECK(kinds == std::set<std::string>{"run", "replay", "trace"});
  CHECK(seen.count("expirations"));  // the audit's cases were among them
  CHECK(seen.count("fallback_latency_us.count"));
  CHECK(seen.count("throughput_mreq_s"));
}

TEST_CASE("field units of the names other commands store, by whole words") {
  // cluster, churn and live fields (lab/cluster_report.cc, cli/cmd_replay_live.cc) and their meanings.
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"churn.0.remapped_weighted", "ratio"},        // moved weight / all weight
      {"churn.0.db_qps_before", "1/s"},              // database queries per second
      {"churn_summary.max_hit_ratio_dip", "ratio"},  // a drop of the hit ratio
      {"churn_summary.max_recovery_s", "s"},
      {"requests_per_node.cv", "ratio"},             // sd / mean
      {"requests_per_node.mean", ""},                // requests
      {"client_cpu_us_per_req", "us"},
      {"live.max_lag_ms", "ms"},
      {"ttl_trace.p50_s", "s"},
      {"first_gap_ms_n", ""},                        // how many gaps
      {"first_gap_ms_sd", "ms"},
      {"used_memory", "bytes"},                      // Redis INFO used_memory
  };
  for (const auto& [name, unit] : expected) {
    INFO(name);
    CHECK(cachelab::FieldUnit(name) == unit);
  }
}
