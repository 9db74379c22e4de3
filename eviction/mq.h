// MQ, the Multi-Queue algorithm (Zhou, Philbin & Li, USENIX ATC'01, Fig. 6).
// libCacheSim's built set has no MQ; this follows the paper. m LRU queues
// Q0..Qm-1: an object with f references since it (re)entered sits in
// Q[min(floor(log2 f), m-1)]. A hit raises f and moves the object to the MRU
// end of its queue; every access sets its expireTime to now + lifeTime. A miss
// evicts the LRU end of the lowest non-empty queue and records the victim's id
// and f in Qout, a FIFO of ids (its oldest dropped when full); a missed id still
// in Qout comes back with its old f + 1, others with f = 1. After each access,
// Adjust(): for k = 1..m-1, the LRU object of Qk whose expireTime < now moves to
// the MRU end of Qk-1 with a new expireTime. Time counts requests.
// Parameters (--policy-params mq:...): num-queues (8, the paper's), lifetime
// (in requests; 0, the default, means the number of objects cached when the
// expireTime is set: the paper tunes it to the peak temporal distance),
// out-size-ratio (Qout holds 4x the cache, the paper's choice; bytes in byte
// mode). Checked on a hand-worked trace: tests/eviction_research_policies_test.cc.
#pragma once
#include "eviction/id_lru.h"
#include "eviction/handle_list.h"

namespace cachelab::eviction {

class MqPolicy final : public Policy {
 public:
  explicit MqPolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "mq"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  void OnMiss(uint64_t, uint64_t, uint64_t) override { ++now_; }
  bool WantsNumberCell() const override { return true; }
  bool UseNumbers(uint64_t, NumberCell cell) override { return NumberLists(cell, out_); }
  // The replay loop's hint for a coming request: a miss reads its ghost cell.
  [[gnu::always_inline]] void PrefetchId(uint64_t id) const { PrefetchIn(id, out_); }

 private:
  struct OutEntry {
    uint32_t freq = 0;
  };
  struct Meta {
    uint64_t id;
    uint64_t expire;
    uint32_t size;
    uint32_t freq;
    uint8_t queue;
  };
  static constexpr int kMaxQueues = 32;
  int QueueOf(uint32_t freq) const;
  void Place(Handle h);  // to the MRU end of its frequency's queue, expireTime renewed
  void Adjust();

  int m_;
  uint64_t lifetime_, out_cap_;
  uint64_t now_ = 0;
  size_t cached_ = 0;
  Links links_;
  std::vector<HandleList> q_;
  IdLru<OutEntry> out_;  // Qout: evicted ids with their reference counts, one map for both
  std::vector<Meta> meta_;
};

}  // namespace cachelab::eviction
