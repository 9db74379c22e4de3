// An invalidation scheme: how cached entries get their TTL and how a write
// makes cached copies go away. Every strategy asks the scheme at these points
// instead of hard-coding SET ... PX ttl / DEL, so any strategy runs with any
// scheme (`--invalidation NAME`).
//
// Strategies call TtlFor / OnHit / OnWrite (or OnWriteSet). The runner additionally calls
// Route (once), BeforeRequest and AfterRead, so schemes that rename keys
// (versions) or keep an in-process near cache per application server
// (two-tier set-up) work under every strategy without the strategy knowing.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/distribution.h"
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
  // Called once per fill: schemes may act on it (tags: SADD the key to its tag set).
  virtual SimTime TtlFor(uint64_t key) = 0;
  // The client was served object `key` from the cache (sliding TTLs refresh here).
  virtual void OnHit(uint64_t /*key*/) {}
  // The database committed a write of `key`: make cached copies go away (or
  // not). `done` runs when the client may be acknowledged.
  virtual void OnWrite(uint64_t key, Done done) = 0;
  // The strategy itself SET the committed (or, write-behind, acknowledged)
  // value of `key`, carrying `version`, in the cache (write-through,
  // write-behind): leave the written key alone, do the rest of what OnWrite
  // does: drop related keys (tags, pattern), move readers to the new version
  // (version), tell the near caches (pubsub). The matrix of what each pair
  // does is in docs/invalidation.md. `done` as in OnWrite.
  virtual void OnWriteSet(uint64_t key, uint64_t version, Done done) = 0;
  // Acknowledged writes of `key` were lost (write-behind crash): the newest
  // version anyone will commit is now `version` (schemes that name values by
  // version move readers back to it).
  virtual void OnWritesLost(uint64_t /*key*/, uint64_t /*version*/) {}
  // Extra figures for the report (extra_memory_bytes, commands, ...).
  virtual void Report(RunReport* /*report*/) const {}
  // --warmup is over: forget the figures counted so far (Strategy::StartMeasurement).
  virtual void StartMeasurement() {}

  // --- runner hooks (strategies never call these) ---
  // The backend strategies should talk to for cache node `node`: the node
  // itself, or a wrapper (version keys rename "k:<id>" to "k:<id>:v<N>").
  virtual CacheBackend& Route(CacheBackend& node) { return node; }
  // Every request, before the strategy sees it. Returns true when the
  // application server answered a read itself (near cache); *local then holds
  // the outcome and the strategy is skipped.
  virtual bool BeforeRequest(const Request& /*r*/, ReadOutcome* /*local*/) { return false; }
  // A read completed with outcome o (the near cache keeps what was served).
  virtual void AfterRead(const Request& /*r*/, const ReadOutcome& /*o*/) {}
  // False when BeforeRequest and AfterRead do nothing: the runner then skips
  // two virtual calls a request. Asked once, after construction; a scheme that
  // overrides either hook returns true here (or true whenever they act).
  virtual bool HooksRequests() const { return false; }
};

struct InvalidationConfig {
  SimTime ttl = 10 * kSecond;
  uint64_t keys = 100000;          // keyspace size (per-key state is sized by it)
  uint64_t servers = 1;            // application servers (subscribers, near caches)
  double jitter = 0.1;             // jitter: TTL uniform in ttl * [1 - j, 1 + j]
  std::vector<SimTime> tiers = {1 * kSecond, 10 * kSecond, 60 * kSecond};  // tiered: TTL of class key % n
  double access_factor = 4;        // access-age: recently used x f, cold / f
  uint64_t tags = 1000;            // tags: key k carries tag k % tags
  bool tag_set_expire = false;     // tags: PEXPIRE the tag set on each SADD (cleans stale members)
  double pattern_fraction = 0.01;  // pattern: writes invalidated by pattern (others: DEL)
  uint64_t scan_count = 1000;      // pattern: SCAN COUNT
  Distribution pubsub_delay = Distribution::Fixed(1 * kMillisecond);
  double pubsub_loss = 0;
  SimTime pubsub_disconnect_every = 0;  // mean time between subscriber disconnects (0: never)
  SimTime pubsub_disconnect_for = 1 * kSecond;
  bool pubsub_patterns = false;     // pubsub: PSUBSCRIBE, per-key channels, family events
  bool near_cache = false;          // in-process near cache on each application server
  SimTime near_ttl = 1 * kSecond;
  uint64_t seed = 1;
  // --ttl trace: key k's base TTL is (*key_ttl)[k], the TTL of its latest trace
  // request (0: none), written by the runner as requests arrive; schemes shape
  // it (jitter, sliding, ...) as they would shape ttl.
  std::shared_ptr<std::vector<SimTime>> key_ttl;
};

// The TTL a scheme starts from for key: --ttl, or the trace's.
inline SimTime BaseTtl(const InvalidationConfig& c, uint64_t key) {
  return c.key_ttl && key < c.key_ttl->size() ? (*c.key_ttl)[key] : c.ttl;
}

// The schemes themselves: ttl_schemes.h (ttl, the baseline: fixed TTL,
// delete on write), tag_, pattern_, version_, pubsub_invalidation.h.
std::vector<std::string> InvalidationNames();
std::unique_ptr<Invalidation> MakeInvalidation(std::string_view name, Harness& harness, const InvalidationConfig& config,
                                               std::string* error);

// SET options for a fill with this TTL (PX in milliseconds, at least 1 ms).
SetOptions FillOptions(SimTime ttl);

}  // namespace cachelab
