// What every scheme shares: the harness, the configuration, the optional near
// cache per application server (runner hooks), delete-on-write, and the
// accounting of the commands a scheme adds beyond the strategy's own.
#pragma once
#include <memory>
#include <vector>

#include "sim/direct_reply.h"
#include "sim/slab.h"
#include "strategies/invalidation/invalidation.h"
#include "strategies/invalidation/near_cache.h"

namespace cachelab {

class SchemeBase : public Invalidation {
 public:
  SchemeBase(Harness& h, const InvalidationConfig& c);
  bool BeforeRequest(const Request& r, ReadOutcome* local) override;
  void AfterRead(const Request& r, const ReadOutcome& o) override;
  bool HooksRequests() const override { return near_ != nullptr; }
  // Base figures (extra commands, near cache); derived schemes call it first.
  void Report(RunReport* report) const override;
  // Zeroes the base figures; derived schemes with figures of their own call it first.
  void StartMeasurement() override;
  // Default: the written key is the only copy, and the strategy has set it.
  void OnWriteSet(uint64_t key, uint64_t version, Done done) override;

 protected:
  // DEL k:<id>, then done (the baseline: not counted as extra).
  void DeleteOnWrite(uint64_t key, Done done);
  void CountExtra(uint64_t commands = 1) { extra_commands_ += commands; }
  NearCache* near() { return near_.get(); }
  // Keeps a write's completion while a multi-step invalidation runs (reply
  // callbacks have no room for it); Unpark hands it back once.
  uint32_t Park(Done done);
  Done Unpark(uint32_t slot);

  Harness& h_;
  InvalidationConfig c_;
  std::unique_ptr<NearCache> near_;
  uint64_t writes_ = 0;  // OnWrite / OnWriteSet calls (derived schemes count them)
  uint64_t extra_commands_ = 0;

 private:
  Slab<Done> parked_;
  // Where direct DELs' replies come back: the parked completion runs.
  const DirectClient deleted_{[](void* self, uint32_t slot, const DirectReply&) {
                                static_cast<SchemeBase*>(self)->Unpark(slot)();
                              },
                              this};
};

}  // namespace cachelab
