// A stampede guard decides who loads a missing (or soon-expiring) key and
// what everyone else does meanwhile. It plugs into ReadPath, so every
// strategy's reads can use any guard (`--stampede NAME`).
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/run_report.h"
#include "strategies/cached_value.h"
#include "strategies/harness.h"
#include "strategies/strategy.h"

namespace cachelab {

class ReadPath;

class StampedeGuard {
 public:
  explicit StampedeGuard(ReadPath& path) : p_(path) {}
  virtual ~StampedeGuard() = default;
  virtual std::string_view Name() const = 0;
  // Values must carry delta and deadlines (CachedValue metadata).
  virtual bool metadata() const { return false; }
  // Hard TTL beyond the invalidation scheme's TTL (swr's stale window).
  virtual SimTime extra_ttl() const { return 0; }
  // A GET found `v`. Return true if the guard completes the read itself.
  virtual bool OnHit(ReqId /*id*/, const CachedValue& /*v*/) { return false; }
  // A GET found nothing, or (hot=true) another client's lease placeholder.
  virtual void OnMiss(ReqId id, bool hot) = 0;
  virtual void Report(RunReport* /*r*/) const {}
  // --warmup is over: forget the figures counted so far.
  virtual void StartMeasurement() {}

 protected:
  ReadPath& p_;
};

std::vector<std::string> StampedeNames();
// nullptr (and *error) for an unknown name.
std::unique_ptr<StampedeGuard> MakeStampedeGuard(const StampedeConfig& c, ReadPath& path, std::string* error);

// The factories, one per file in strategies/stampede/.
std::unique_ptr<StampedeGuard> MakeNoneGuard(ReadPath& p);
std::unique_ptr<StampedeGuard> MakeLocalLockGuard(ReadPath& p, bool share_result);
std::unique_ptr<StampedeGuard> MakeDistributedLockGuard(ReadPath& p, const StampedeConfig& c);
std::unique_ptr<StampedeGuard> MakeXFetchGuard(ReadPath& p, const StampedeConfig& c, bool linear);
std::unique_ptr<StampedeGuard> MakeSwrGuard(ReadPath& p, const StampedeConfig& c);
std::unique_ptr<StampedeGuard> MakeLeaseGuard(ReadPath& p, const StampedeConfig& c);

}  // namespace cachelab
