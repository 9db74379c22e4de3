// The read side every strategy shares: GET; a hit is served (after the guard
// and refresh-ahead had their say); a miss goes to the stampede guard, which
// loads through Load() (database read, then a fill with the invalidation
// scheme's TTL) or makes the request wait. Also the accounting that belongs
// to reads: loads per expiry episode, user-facing misses, lock waits, cache
// errors, latency during and outside stampedes.
//
// Per-request state lives in vectors indexed by ReqId; callbacks capture ids.
#pragma once
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sim/direct_reply.h"
#include "sim/histogram.h"
#include "sim/rng.h"
#include "strategies/cached_value.h"
#include "strategies/episode_tracker.h"
#include "strategies/harness.h"
#include "strategies/strategy.h"

namespace cachelab {

class StampedeGuard;

enum class LoadKind : uint8_t {
  kMiss,        // a request found nothing and waits for this load
  kEarly,       // a request chose to recompute a value that is still cached (xfetch)
  kBackground,  // nobody waits (refresh-ahead, swr)
  kLease,       // a lease holder's load: the fill is refused if the lease is gone
};

class ReadPath {
 public:
  // ok=false: the load was abandoned (its server crashed).
  using Loaded = InplaceFunction<void(uint64_t version, bool ok), 32>;

  // Throws std::invalid_argument for an unknown guard name.
  ReadPath(Harness& h, const StrategyConfig& c);
  ~ReadPath();

  void Read(ReqId id);
  // Refresh-ahead: a hit with less than `fraction` of its TTL left reloads in the background.
  void EnableRefreshAhead(double fraction);

  // --- for guards
  Harness& h() { return h_; }
  const StrategyConfig& config() const { return c_; }
  Rng& rng() { return rng_; }
  // GET again (a poll): the reply is handled like the first one.
  void Get(ReqId id);
  // kLease loads pass the lease token they hold.
  void Load(ReqId id, LoadKind kind, Loaded done, uint64_t lease = 0);
  void LoadKey(uint64_t key, uint32_t size, uint32_t server, uint32_t stamp, LoadKind kind, Loaded done,
               uint64_t lease = 0);
  // Load and answer the request with the loaded version (a user-facing miss).
  void LoadAndServe(ReqId id, LoadKind kind, uint64_t lease = 0);
  void Serve(ReqId id, uint64_t version, bool hit);
  void Fail(ReqId id);
  // The cache failed: read the database, skip the fill.
  void Fallback(ReqId id);
  void BeginWait(ReqId id);  // lock/lease wait starts (idempotent)
  uint32_t CurrentStamp(uint64_t key) { return episodes_.Stamp(db_.KeyId(key)); }
  bool Loading(uint64_t key) { return episodes_.Open(db_.KeyId(key)); }  // an episode's load is under way
  void CountStaleServe() { ++stale_serves_; }
  void CountCacheError() { ++cache_errors_; }

  // --- for strategies
  bool metadata() const { return metadata_; }
  // The value and SET options a fill of `version` uses now (TTL from the scheme).
  Blob FillValue(uint64_t key, uint64_t version, uint32_t size, SimTime delta, SetOptions* opt);
  void OnServerCrash(uint32_t server);
  void Warmed(uint64_t key) { episodes_.MarkWarm(db_.KeyId(key)); }
  void Report(RunReport* r) const;
  void StartMeasurement();  // --warmup over: zero the figures (the guard's too)
  StampedeGuard& guard() { return *guard_; }

 private:
  struct LoadSlot {
    uint64_t key = 0;
    uint64_t version = 0;  // the loaded version, while a direct fill is under way
    uint32_t kid = kNoKeyId;  // the key's dense id
    uint32_t size = 0, server = 0, epoch = 0;
    SimTime start = 0;
    uint64_t lease = 0;
    LoadKind kind = LoadKind::kMiss;
    Loaded done;
    ReqId serve = kNoServe;  // LoadAndServe's request (instead of a done that serves it)
  };
  static constexpr ReqId kNoServe = UINT32_MAX;
  // LoadKey with the key's dense id known (h_.db().KeyId(key)).
  // Load; serve: the request to answer with the loaded version (LoadAndServe; kNoServe: done is called).
  void LoadFor(ReqId id, LoadKind kind, Loaded done, uint64_t lease, ReqId serve);
  // serve as for LoadFor.
  void LoadKeyId(uint64_t key, uint32_t kid, uint32_t size, uint32_t server, uint32_t stamp, LoadKind kind,
                 Loaded done, uint64_t lease, ReqId serve = kNoServe);
  void OnReply(ReqId id, RedisReply&& reply);
  // A direct GET's reply (SimRedis::GetDirect): as OnReply, without the RedisReply.
  void OnDirectGet(ReqId id, const DirectReply& reply);
  // A GET found a value (not a lease): the guard and refresh-ahead, then served.
  void OnValue(ReqId id, const CachedValue& v);
  void OnLoaded(uint32_t slot, uint64_t version);
  // A fill's SET answered (ok: stored; refused: NX/XX): counted, then Finish.
  void Filled(uint32_t slot, uint64_t version, DirectReply::Status status);
  // A fill's TTL now: the scheme's (0: none), and with the guard's extra time (hard).
  struct FillTtls {
    SimTime ttl, hard;
  };
  FillTtls FillTtl(uint64_t key);
  void Finish(uint32_t slot, uint64_t version, bool ok);
  void Complete(ReqId id, const ReadOutcome& o);
  void MaybeRefreshAhead(ReqId id, const CachedValue& v);
  uint32_t& Epoch(uint32_t server) {
    if (server >= epochs_.size()) epochs_.resize(server + 1, 0);
    return epochs_[server];
  }

  Harness& h_;
  // The harness's clock, database and scheme, asked for once (Harness promises
  // the same objects for its lifetime): a virtual call each saved, several a read.
  Simulator& sim_;
  SimDatabase& db_;
  Invalidation& inv_;
  StrategyConfig c_;
  Rng rng_;
  std::unique_ptr<StampedeGuard> guard_;
  bool metadata_ = false;
  double refresh_fraction_ = 0;
  EpisodeTracker episodes_;
  // Where direct GET replies come back (OnDirectGet).
  const DirectClient direct_get_{[](void* self, uint32_t id, const DirectReply& r) {
                                   static_cast<ReadPath*>(self)->OnDirectGet(id, r);
                                 },
                                 this};
  // Where the database's reads for loads come back (OnLoaded).
  const SimDatabase::ReadClient loaded_{[](void* self, uint32_t slot, uint64_t version) {
                                          static_cast<ReadPath*>(self)->OnLoaded(slot, version);
                                        },
                                        this};
  // Where direct fills' replies come back (Filled).
  const DirectClient direct_fill_{[](void* self, uint32_t slot, const DirectReply& r) {
                                    auto* p = static_cast<ReadPath*>(self);
                                    p->Filled(slot, p->loads_[slot].version, r.status);
                                  },
                                  this};
  // Requests waiting on a lock or lease: only stampede paths touch this.
  std::unordered_map<ReqId, SimTime> wait_start_;
  std::vector<LoadSlot> loads_;
  std::vector<uint32_t> free_loads_;
  std::vector<uint32_t> epochs_;             // per server, bumped by a crash
  std::unordered_set<uint64_t> refreshing_;  // refresh-ahead: (key, server) reloading
  Histogram during_latency_, outside_latency_, lock_wait_, fallback_latency_;
  uint64_t loads_started_ = 0, user_misses_ = 0, stale_serves_ = 0, cache_errors_ = 0;
  uint64_t lease_conflicts_ = 0;
  uint64_t refused_fills_ = 0, abandoned_loads_ = 0, refreshes_ = 0, lock_waits_ = 0;
};

}  // namespace cachelab
