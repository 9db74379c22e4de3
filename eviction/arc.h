// ARC (Megiddo & Modha, FAST'03) as libCacheSim's ARC.c: T1/T2 data lists, B1/B2
// ghost lists, target p in the cache's unit (bytes or objects). A ghost hit
// adapts p and REPLACEs (moves one object to a ghost list) before room is made;
// eviction follows ARC_evict's cases (L1 = T1+B1 full -> drop B1's tail, or
// evict T1 without a ghost; total 2c -> drop B2's tail), then REPLACE.
// Differences, only where libCacheSim would crash or grow sizes on a hit:
// empty lists are skipped instead of dereferenced; a hit keeps the stored size.
#pragma once
#include "eviction/ghost_list.h"
#include "eviction/handle_list.h"

namespace cachelab::eviction {

class ArcPolicy final : public Policy {
 public:
  explicit ArcPolicy(const PolicyOptions& o) : cap_(static_cast<int64_t>(o.capacity)) {}
  std::string_view Name() const override { return "arc"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;
  void OnMiss(uint64_t id, uint64_t size, uint64_t now) override;
  Handle TakeEvicted() override;
  int64_t p() const { return p_; }

 private:
  struct Meta {
    uint64_t id;
    uint32_t size;
    uint8_t list;  // 1: T1, 2: T2
  };
  Handle Replace();  // the paper's REPLACE: data tail -> ghost head

  int64_t cap_;
  int64_t p_ = 0;
  int64_t t1_bytes_ = 0, t2_bytes_ = 0;
  Links links_;
  HandleList t1_{&links_}, t2_{&links_};
  GhostList b1_, b2_;
  std::vector<Meta> meta_;
  bool in_b1_ = false, in_b2_ = false;  // the current miss was a ghost hit
  int64_t incoming_ = 0;
  Handle pending_ = kNoHandle;
};

}  // namespace cachelab::eviction
