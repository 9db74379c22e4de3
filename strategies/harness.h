// What a strategy may use while it serves requests: the simulated world
// (clock, cache nodes, database, metrics) and the completion calls that hand
// an outcome back to the runner. The runner (lab/) implements it; tests can
// implement it by hand.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/cache_backend.h"
#include "sim/metrics.h"
#include "sim/sim_database.h"
#include "sim/simulator.h"
#include "workloads/request.h"

namespace cachelab {

class Invalidation;
using ReqId = uint32_t;

struct ReadOutcome {
  bool hit = false;        // served from the cache
  uint64_t version = 0;    // version of the value returned to the client
  bool fallback = false;   // the cache failed and the database answered
  bool failed = false;     // the client got an error
};

struct WriteOutcome {
  bool persisted = false;  // committed to the database when acknowledged
  bool failed = false;
};

// sim(), db() and invalidation() return the same objects for the harness's
// lifetime, made before any strategy (which may keep references to them).
class Harness {
 public:
  virtual ~Harness() = default;
  virtual Simulator& sim() = 0;
  virtual CacheBackend& cache_for(uint64_t key) = 0;  // the node that owns key
  virtual SimDatabase& db() = 0;
  virtual Metrics& metrics() = 0;
  virtual Invalidation& invalidation() = 0;  // TTLs and what a write does to the cache
  virtual const Request& request(ReqId id) const = 0;
  virtual void CompleteRead(ReqId id, const ReadOutcome& outcome) = 0;
  virtual void CompleteWrite(ReqId id, const WriteOutcome& outcome) = 0;

  // The dense id of the request's key (stamped by the runner, else looked up).
  uint32_t KeyIdOf(ReqId id) {
    const Request& r = request(id);
    return r.kid != kNoKeyId ? r.kid : db().KeyId(r.key);
  }
  // False for a --warmup request, even when it completes after measurement
  // started: strategies leave it out of their per-request figures.
  virtual bool measured(ReqId /*id*/) const { return true; }
};

// The cache key of object `key` ("k:<id>").
std::string CacheKey(uint64_t key);
// The same in a buffer of its own (no std::string built and copied): for the
// per-command calls, whose backends take the name as a string_view.
struct KeyName {
  char buf[23];
  uint8_t begin;  // the name is buf[begin, 23)
  std::string_view view() const { return {buf + begin, sizeof buf - begin}; }
  operator std::string_view() const { return view(); }
};
KeyName CacheKeyName(uint64_t key);
// A cache value carrying `version`, padded to `size` bytes.
Blob VersionedValue(uint64_t version, uint32_t size);
// The version a cached value carries (0 if unreadable).
uint64_t VersionOf(const Blob& value);

}  // namespace cachelab
