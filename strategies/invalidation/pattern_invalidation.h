// Pattern-based invalidation: a write invalidates the family of its key by
// glob, the way "user:42:*" is dropped: SCAN cursor MATCH pattern COUNT n
// until the cursor returns to 0, then one DEL of every match. The family of
// key k is the ten keys sharing k / 10 ("k:1234?" for k = 12345). SCAN visits
// the whole keyspace whatever the matches, so the cost (commands, keys
// scanned, time) grows with the keyspace. Only a fraction of writes
// (pattern_fraction: bulk changes) take this path; the rest DEL their key.
// The write is acknowledged when the invalidation has finished.
// Under write-through / write-behind the written key holds its new value:
// the family's DEL leaves it out, and the other writes do nothing more.
#pragma once
#include <string>
#include <vector>

#include "sim/histogram.h"
#include "sim/rng.h"
#include "sim/slab.h"
#include "strategies/invalidation/scheme_base.h"

namespace cachelab {

class PatternInvalidation final : public SchemeBase {
 public:
  PatternInvalidation(Harness& h, const InvalidationConfig& c)
      : SchemeBase(h, c), rng_(c.seed, "invalidation-pattern") {}
  std::string_view Name() const override { return "pattern"; }
  SimTime TtlFor(uint64_t key) override { return BaseTtl(c_, key); }
  void OnWrite(uint64_t key, Done done) override;
  void OnWriteSet(uint64_t key, uint64_t version, Done done) override;
  void Report(RunReport* report) const override;
  void StartMeasurement() override;

  static std::string FamilyPattern(uint64_t key);
  uint64_t invalidations() const { return invalidations_; }
  uint64_t scan_commands() const { return scans_; }

 private:
  struct Job {
    std::string pattern;
    std::vector<std::string> matched;  // DEL argv, built as matches arrive
    std::string keep;                  // a match not to delete (the key the strategy set)
    uint32_t parked = 0;
    SimTime start = 0;
    bool active = false;
  };
  void StartJob(uint64_t key, bool keep, Done done);
  void Scan(uint32_t job, uint64_t key, const std::string& cursor);
  void Finish(uint32_t job);

  Rng rng_;
  Slab<Job> jobs_;
  uint64_t invalidations_ = 0, scans_ = 0, deleted_ = 0;
  Histogram duration_;  // ns from the first SCAN to the DEL's reply
  uint64_t scanned_at_start_ = 0;  // the server's scanned_keys when --warmup ended
};

}  // namespace cachelab
