// The TTL schemes. All delete the cached key on a write (the baseline) except
// ttl-only, which leaves it to expire; they differ in the TTL a fill gets.
//   ttl         fixed TTL
//   ttl-only    fixed TTL, writes leave the cache alone (stale until expiry)
//   jitter      TTL uniform in ttl * [1 - j, 1 + j] (de-synchronises expiry)
//   sliding     fixed TTL, each hit refreshes it (PEXPIRE)
//   access-age  recently accessed keys (previous access within one TTL) get
//               ttl * f, cold ones ttl / f
//   tiered      a TTL per key class; the workload's key k is in class k % n
#pragma once
#include <vector>

#include "sim/key_rows.h"
#include "sim/rng.h"
#include "strategies/invalidation/scheme_base.h"

namespace cachelab {

class FixedTtlInvalidation : public SchemeBase {
 public:
  FixedTtlInvalidation(Harness& h, const InvalidationConfig& c, bool delete_on_write = true)
      : SchemeBase(h, c), delete_on_write_(delete_on_write) {}
  std::string_view Name() const override { return delete_on_write_ ? "ttl" : "ttl-only"; }
  SimTime TtlFor(uint64_t key) override { return BaseTtl(c_, key); }
  void OnWrite(uint64_t key, Done done) override;

 private:
  bool delete_on_write_;
};

class JitterTtlInvalidation final : public FixedTtlInvalidation {
 public:
  JitterTtlInvalidation(Harness& h, const InvalidationConfig& c)
      : FixedTtlInvalidation(h, c), rng_(c.seed, "invalidation-jitter") {}
  std::string_view Name() const override { return "jitter"; }
  SimTime TtlFor(uint64_t key) override;

 private:
  Rng rng_;
};

class SlidingTtlInvalidation final : public FixedTtlInvalidation {
 public:
  using FixedTtlInvalidation::FixedTtlInvalidation;
  std::string_view Name() const override { return "sliding"; }
  void OnHit(uint64_t key) override;
};

class AccessAgeTtlInvalidation final : public FixedTtlInvalidation {
 public:
  AccessAgeTtlInvalidation(Harness& h, const InvalidationConfig& c)
      : FixedTtlInvalidation(h, c) {}
  std::string_view Name() const override { return "access-age"; }
  SimTime TtlFor(uint64_t key) override;
  bool BeforeRequest(const Request& r, ReadOutcome* local) override;
  bool HooksRequests() const override { return true; }  // counts every access
  void Report(RunReport* report) const override;
  void StartMeasurement() override {
    FixedTtlInvalidation::StartMeasurement();
    hot_fills_ = cold_fills_ = 0;
  }

 private:
  struct Access {
    SimTime last = -1, previous = -1;  // -1: never
  };
  KeyRows<Access> access_;  // keys requested so far
  uint64_t hot_fills_ = 0, cold_fills_ = 0;
};

class TieredTtlInvalidation final : public FixedTtlInvalidation {
 public:
  using FixedTtlInvalidation::FixedTtlInvalidation;
  std::string_view Name() const override { return "tiered"; }
  SimTime TtlFor(uint64_t key) override { return c_.tiers.empty() ? BaseTtl(c_, key) : c_.tiers[key % c_.tiers.size()]; }
};

}  // namespace cachelab
