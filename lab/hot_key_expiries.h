// Expiry events of the hottest keys, for the charts' marks (issue 15: the
// stampede chart is about the moment the hot key expires). The runner shows
// each request for a watched key to Observe before the request runs; the key's
// TTL deadline is read from its node's store without side effects
// (RedisStore::PeekTtlMs). A deadline that has passed when the key is next
// seen is an expiry at that deadline if the entry is still there under it,
// or if it is gone (or replaced) and the store expired a key since the last
// look; an entry gone otherwise was deleted or evicted. (Blind spot: a delete
// before the deadline and another key's expiry, both between two requests
// for a hot key, count as this key's expiry.)
// Keys the scheme renames (version keys) are never found: no events then.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/redis_store.h"
#include "sim/run_report.h"
#include "sim/time.h"

namespace cachelab {

class HotKeyExpiries {
 public:
  static constexpr size_t kKeys = 3;         // the hottest keys watched
  static constexpr size_t kMaxEvents = 100;  // per run; later expiries are counted, not marked

  // The kKeys keys of highest weight among 0..keys-1 (ties: the lower key).
  void Watch(uint64_t keys, const std::function<double(uint64_t)>& weight);
  // Keys 0..kKeys-1: what Watch picks when the weight never increases with
  // the key (a Zipf workload's ranks), without a weight per key of the keyspace.
  void WatchFirst(uint64_t keys);
  std::vector<uint64_t> watched_keys() const;  // the hottest first
  bool Watches(uint64_t key) const {
    if (key > max_key_) return false;  // one compare for most requests: the hottest keys are few
    for (const Watched& w : watched_)
      if (w.key == key) return true;
    return false;
  }
  // kid: the key's dense id (sim/key_ids.h), to find it in the store without its name.
  void Observe(uint64_t key, uint32_t kid, const RedisStore& store, SimTime now);
  // The end of the warm-up: expiries before it are left out of hot_key_expiries.
  void StartMeasurement(SimTime now) {
    measure_from_ms_ = now / kMillisecond;
    expiries_ = 0;
  }
  // Adds the events at or after `from` (the end of the warm-up) and
  // hot_key_expiries (every expiry seen, marked or not).
  void Report(SimTime from, RunReport* r) const;

 private:
  struct Watched {
    uint64_t key;
    std::string name;         // CacheKey(key), made once: Observe runs on every request of a hot key
    int rank;                 // 0: the hottest
    int64_t deadline_ms = -1;  // the TTL deadline last seen; -1: none
    bool recorded = false;     // that deadline's expiry is an event already
    uint64_t store_expired = 0;  // the store's expired-keys count at the last look
  };
  void SetWatched(const std::vector<uint64_t>& ranked);
  std::vector<Watched> watched_;
  uint64_t max_key_ = 0;  // the largest key watched (none watched: 0, and key 0 is not found)
  std::vector<RunEvent> events_;
  uint64_t expiries_ = 0;
  int64_t measure_from_ms_ = 0;
};

}  // namespace cachelab
