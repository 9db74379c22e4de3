// Eviction policies as metadata trackers over opaque handles. The owner (the
// simulated Redis, or the trace-replay harness) stores the objects and their
// sizes and tells the policy what happens; the policy only picks victims. One
// policy library serves both, so "redis-lru" in a replay and allkeys-lru in
// the simulated Redis are the same code.
//
// Handles are small dense integers chosen by the owner (slot indices); a handle
// is not reused until Remove()/Evict() has released it.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eviction/number_rows.h"

namespace cachelab::eviction {

using Handle = uint32_t;
inline constexpr Handle kNoHandle = UINT32_MAX;

struct PolicyOptions {
  uint64_t seed = 1;
  int samples = 5;        // Redis maxmemory-samples
  int pool_size = 16;     // Redis EVPOOL_SIZE
  // Redis-sampled: a pool entry names its key by id (a key hash), so a key
  // evicted and re-inserted under another handle is found again, as Redis
  // finds pooled keys by name (the simulated Redis; replay keeps handles).
  bool pool_by_id = false;
  // Redis-sampled: draw candidates as dictGetSomeKeys does (whole chains,
  // newest first, of consecutive buckets from a random one) from a modelled
  // hash table, instead of uniformly. Needs pool_by_id (ids are key hashes).
  bool dict_sampling = false;
  int lfu_log_factor = 10;   // Redis lfu-log-factor
  int lfu_decay_time = 1;    // Redis lfu-decay-time, minutes
  uint64_t capacity = 0;  // cache size in the owner's unit (bytes or objects), for policies that size queues
  int lru_clock_resolution_ms = 1000;  // Redis LRU_CLOCK_RESOLUTION: idle times are whole seconds
  // Queue fractions of the capacity (libCacheSim defaults).
  double s3fifo_small_ratio = 0.10, s3fifo_ghost_ratio = 0.90;
  int s3fifo_move_to_main_threshold = 2;
  double twoq_in_ratio = 0.25, twoq_out_ratio = 0.50;
  double wtinylfu_window_ratio = 0.01;
  int hyperbolic_samples = 64;  // Hyperbolic n-sample (libCacheSim default)
  // MQ (Zhou et al.): queues, lifeTime in requests (0: the number of cached
  // objects), Qout's size as a multiple of the cache.
  int mq_queues = 8, mq_lifetime = 0;
  double mq_out_ratio = 4.0;
  // LeCaR (libCacheSim's defaults): learning rate, initial LRU weight, and
  // whether regret updates the weights at all.
  double lecar_learning_rate = 0.45, lecar_lru_weight = 0.5;
  bool lecar_update_weight = true;
  // Cacheus: the starting LRU weight and learning rate. libCacheSim draws the
  // rate as 0.001 + (rand % 1000) / 1000 when cachesim creates the cache, before
  // it seeds its generator: 0.408 for a single cache size, every run.
  double cacheus_lru_weight = 0.5, cacheus_learning_rate = 0.408;
  // Cacheus draws as libCacheSim does (MMIX LCG from `seed`, rand % n, one draw
  // per eviction even when the experts agree) instead of from SampleRng.
  bool cacheus_libcachesim_draws = false;
  double clockpro_min_cold_ratio = 0.01;  // CLOCK-Pro: m_c's floor (and m - m_c's), as a share of the cache
  int lhd_associativity = 32, lhd_admissions = 8;  // LHD: sampled candidates; recent admissions also ranked
  uint64_t expected_objects = 0;  // objects the cache will hold (sizes sketches); 0: use capacity
  int lruk_k = 2;  // LRU-K's K
  double qdlp_fifo_ratio = 0.10, qdlp_ghost_ratio = 0.90;  // QD-LP (libCacheSim QDLP.c defaults)
  int qdlp_move_to_main_threshold = 1;
  int beladysize_samples = 128;  // BeladySize's n-sample
};

class Policy {
 public:
  virtual ~Policy() = default;
  virtual std::string_view Name() const = 0;
  // A new object enters. `id` is its stable identity (ghost lists, sketches);
  // `now` is the owner's clock in milliseconds (or a logical tick in replays).
  virtual void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) = 0;
  virtual void Access(Handle h, uint64_t now) = 0;
  // The object left for another reason (delete, expiry, overwrite).
  virtual void Remove(Handle h) = 0;
  // Picks the object to evict and forgets it; kNoHandle when nothing is tracked.
  virtual Handle Evict(uint64_t now) = 0;

  // Optional hooks; the defaults suit policies that only rank what is cached.
  // Replay calls them so ghost-list policies match libCacheSim exactly.
  //
  // A request for `id` missed. Called before Admits() and before making room,
  // for every miss (also objects too large to insert): ghost lists (ARC, 2Q,
  // S3-FIFO) look the id up here, count sketches (W-TinyLFU) count it.
  virtual void OnMiss(uint64_t /*id*/, uint64_t /*size*/, uint64_t /*now*/) {}
  // Whether an object of this size may enter at all (S3-FIFO and 2Q refuse
  // objects larger than their small queue). Checked after OnMiss.
  virtual bool Admits(uint64_t /*size*/) const { return true; }
  // Objects the policy dropped on its own (ARC's REPLACE on a ghost hit, 2Q's
  // main LRU making room for itself). The owner drains this after OnMiss and
  // after Insert and frees what comes out; kNoHandle when none are left.
  virtual Handle TakeEvicted() { return kNoHandle; }
  // Offline policies (Belady) want each object's next request index (0-based,
  // -1: never again), given after every Insert and Access.
  virtual bool WantsNextAccess() const { return false; }
  // The owner offers dense numbers (0, 1, 2, ...: one per distinct id, see
  // eviction/dense_ids.h) in place of ids in Insert and OnMiss. A policy that
  // uses ids only to tell objects apart (no hashing, no sampling by id, so its
  // choices cannot change) accepts with true, and may then index arrays by
  // them. Called once, before the first request; `known` numbers (0 ..
  // known-1) are given out already, so such arrays can start that long.
  // A policy that answers WantsNumberCell() with true gets `cell`: a 32-bit
  // cell per number in the store's own row (eviction/number_rows.h), where a
  // ghost index costs no cache line of its own.
  virtual bool WantsNumberCell() const { return false; }
  virtual bool UseNumbers(uint64_t /*known*/, NumberCell /*cell*/) { return false; }
  virtual void SetNextAccess(Handle /*h*/, int64_t /*next*/) {}
};

// Names: see PolicyNames(), in any case, plus libCacheSim's aliases (2q,
// s3-fifo, second-chance, ...). Returns nullptr and sets *error for an unknown name.
std::unique_ptr<Policy> MakePolicy(std::string_view name, const PolicyOptions& options, std::string* error);
std::vector<std::string> PolicyNames();
// The PolicyNames() spelling of a name or alias; unknown names come back lower-cased.
std::string CanonicalPolicyName(std::string_view name);

}  // namespace cachelab::eviction
