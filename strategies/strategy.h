// A caching strategy: how an application server combines cache and database
// to serve reads and writes. Strategies are asynchronous state machines over
// the Harness; they never read a real clock and never block.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/run_report.h"
#include "sim/time.h"
#include "strategies/harness.h"

namespace cachelab {

// Stampede guards (strategies/stampede/): who loads a missing hot key.
struct StampedeConfig {
  std::string guard = "none";
  SimTime lock_ttl = 1 * kSecond;          // distributed-lock / swr refresh lock / lease lifetime
  SimTime poll_interval = 5 * kMillisecond;  // lock losers / lease holders-out re-read after this
  SimTime max_wait = 0;                     // lock losers load themselves after this (0: never)
  double beta = 1.0;                        // xfetch aggressiveness
  SimTime stale_window = 5 * kSecond;       // swr: serve stale this long past the soft TTL
};

// Strategy-specific settings (TTLs belong to the invalidation scheme).
struct StrategyConfig {
  SimTime flush_interval = 1 * kSecond;  // write-behind: flush at least this often
  uint32_t batch_size = 100;             // write-behind: flush when this many rows are pending
  bool coalesce = true;                  // write-behind: one row per key per batch
  double refresh_fraction = 0.2;         // refresh-ahead: reload when less than this much TTL is left
  StampedeConfig stampede;
  uint64_t seed = 1;  // for guards that draw random numbers (xfetch)
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  virtual std::string_view Name() const = 0;
  virtual void Read(ReqId id) = 0;
  virtual void Write(ReqId id) = 0;
  // The workload has ended: flush whatever is pending (write-behind queues).
  virtual void Finish() {}
  // Application server `server` crashed at Now() and restarted empty:
  // in-process state (buffers, in-process locks, loads in flight) is gone.
  virtual void OnServerCrash(uint32_t /*server*/) {}
  // `key` was put in the cache before the run (a warm-up), not by a load.
  virtual void Warmed(uint64_t /*key*/) {}
  // Strategy figures for the report (lost writes, loads per expiry, ...).
  virtual void Report(RunReport* /*report*/) const {}
  // --warmup is over: forget every figure counted so far (what the caches and
  // buffers hold stays), so Report covers measurement only.
  virtual void StartMeasurement() {}
};

// Known names: StrategyNames(). Returns nullptr and sets *error otherwise.
std::unique_ptr<Strategy> MakeStrategy(std::string_view name, Harness& harness, const StrategyConfig& config,
                                       std::string* error);
std::vector<std::string> StrategyNames();

}  // namespace cachelab
