// An invalidation scheme: how cached entries get their TTL and how a write
// makes cached copies go away. Every strategy asks the scheme at these points
// instead of hard-coding SET ... PX ttl / DEL, so any strategy runs with any
// scheme (`--invalidation NAME`).
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/inplace_function.h"
#include "sim/run_report.h"
#include "sim/time.h"
#include "strategies/harness.h"

namespace cachelab {

class Params;

class Invalidation {
 public:
  using Done = InplaceFunction<void(), 48>;
  virtual ~Invalidation() = default;
  virtual std::string_view Name() const = 0;

  // TTL for a value of object `key` being written to the cache now (0: none).
  virtual SimTime TtlFor(uint64_t key) = 0;
  // The client was served object `key` from the cache (sliding TTLs refresh here).
  virtual void OnHit(uint64_t /*key*/) {}
  // The database committed a write of `key`: make cached copies go away (or
  // not). `done` runs when the client may be acknowledged.
  virtual void OnWrite(uint64_t key, Done done) = 0;
  // Extra figures for the report (extra_memory_bytes, commands, ...).
  virtual void Report(RunReport* /*report*/) const {}
};

struct InvalidationConfig {
  SimTime ttl = 10 * kSecond;
};

// Fixed TTL, delete on write: the baseline every strategy has.
class FixedTtlInvalidation final : public Invalidation {
 public:
  FixedTtlInvalidation(Harness& h, const InvalidationConfig& c) : h_(h), ttl_(c.ttl) {}
  std::string_view Name() const override { return "ttl"; }
  SimTime TtlFor(uint64_t) override { return ttl_; }
  void OnWrite(uint64_t key, Done done) override;

 private:
  Harness& h_;
  SimTime ttl_;
};

std::vector<std::string> InvalidationNames();
std::unique_ptr<Invalidation> MakeInvalidation(std::string_view name, Harness& harness, const InvalidationConfig& config,
                                               std::string* error);

// SET options for a fill with this TTL (PX in milliseconds, at least 1 ms).
SetOptions FillOptions(SimTime ttl);

}  // namespace cachelab
