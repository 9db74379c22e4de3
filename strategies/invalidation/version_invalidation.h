// Version-based invalidation: cache keys carry the object's version
// ("k:<id>:v<N>"). A write bumps the version (INCR ver:k:<id>, the real
// command), so readers go to the new name at once and the old entry is
// unreachable; it stays in Redis, orphaned, until its TTL removes it. The
// scheme counts those orphans and their bytes.
// The application's view of the current versions is kept in-process and
// updated when the INCR answers (as if every server read ver:k with no
// delay); Route() wraps the node so every strategy uses the versioned names.
// Write-through and write-behind SET the new value under the new version's
// name first (a fill is named by the version it carries), then OnWriteSet
// moves readers to it: no miss, no stale read, the old entry orphaned.
#pragma once
#include <queue>
#include <string>
#include <vector>

#include "sim/key_ids.h"
#include "strategies/invalidation/scheme_base.h"

namespace cachelab {

class VersionInvalidation final : public SchemeBase {
 public:
  VersionInvalidation(Harness& h, const InvalidationConfig& c);
  ~VersionInvalidation() override;
  std::string_view Name() const override { return "version"; }
  SimTime TtlFor(uint64_t key) override { return BaseTtl(c_, key); }
  void OnWrite(uint64_t key, Done done) override;
  // The strategy SET the new value under its new name: move readers there.
  void OnWriteSet(uint64_t key, uint64_t version, Done done) override;
  // A crash voided the versions OnWriteSet announced: readers go back to the
  // one that will exist (else they would ask for a name no fill ever takes).
  void OnWritesLost(uint64_t key, uint64_t version) override;
  CacheBackend& Route(CacheBackend& node) override;
  void Report(RunReport* report) const override;
  void StartMeasurement() override;

  static constexpr uint64_t kCurrent = UINT64_MAX;
  // "k:<id>" -> "k:<id>:v<N>", N the current version (or `pinned`); other names unchanged.
  std::string Versioned(std::string_view cache_key, uint64_t pinned = kCurrent) const;
  uint64_t version(uint64_t key) const {
    const KeyVersions* r = rows_.Find(h_.db().key_ids().Find(key));
    return r ? r->version : 0;
  }
  uint64_t orphans() const;
  uint64_t orphan_bytes() const;

 private:
  class Router;
  struct Orphan {
    SimTime expires;
    uint64_t bytes;
    bool operator>(const Orphan& o) const { return expires > o.expires; }
  };
  // A value of `key` at `version` was written with this deadline.
  void NoteFill(uint64_t key, uint64_t version, SimTime expires, uint64_t bytes);
  void AddOrphan(SimTime expires, uint64_t bytes);
  void Purge() const;  // drop orphans whose TTL has passed

  struct KeyVersions {  // 32 bytes
    uint64_t version = 0;         // current version
    uint64_t filled_version = 0;  // version of the last fill
    SimTime fill_expires = 0;     // its deadline
    uint32_t fill_bytes = 0;      // its memory
    uint8_t key_digits = 0;       // of the key id, for the report's ver:k:<id> names
  };
  // The key's row (by dense key id), or null for a key outside the keyspace.
  KeyVersions* Row(uint64_t key);
  // A newer version exists: the last fill, if still alive, is an orphan now.
  void OrphanStaleFill(KeyVersions* r);
  uint64_t keys_;                  // keyspace size: keys beyond it are not versioned
  DenseRows<KeyVersions> rows_;    // by dense key id (sim/key_ids.h): the keys touched
  mutable std::priority_queue<Orphan, std::vector<Orphan>, std::greater<>> orphan_queue_;
  mutable uint64_t orphan_count_ = 0, orphan_bytes_ = 0, peak_orphans_ = 0, peak_orphan_bytes_ = 0;
  uint64_t orphaned_total_ = 0;
  std::vector<std::unique_ptr<Router>> routers_;
};

}  // namespace cachelab
