// Write-behind (write-back): a write updates the cache at once and is
// acknowledged; the application server keeps it in a buffer that is flushed
// as one batched database write every flush_interval, or as soon as
// batch_size rows are pending. With coalescing, repeated writes to one key
// become one row (only the newest value is persisted). Finish() flushes.
// A crashed server loses its buffer: those acknowledged writes are lost
// (counted, with the loss window: crash time minus the oldest pending ack).
// If the cache fails, the write goes straight to the database instead.
// Reads: read-through. Values cached by a write carry the version the
// database will have once the row commits, so they are never "stale"; the
// invalidation scheme then does the rest (Invalidation::OnWriteSet).
#pragma once
#include <unordered_map>
#include <vector>

#include "strategies/cache_aside.h"

namespace cachelab {

class WriteBehind final : public CacheAside {
 public:
  WriteBehind(Harness& h, const StrategyConfig& c) : CacheAside(h, c), c_(c) {
    // Writes lost per window (series "lost_writes"): the dashboard draws them cumulatively.
    h.metrics().ExternalCounter("lost_writes", [this] { return static_cast<int64_t>(lost_writes_); });
  }
  std::string_view Name() const override { return "write-behind"; }
  void Write(ReqId id) override;
  void Finish() override;
  void OnServerCrash(uint32_t server) override;
  void Report(RunReport* r) const override;
  void StartMeasurement() override;

 private:
  struct Pending {
    uint32_t writes = 0;  // acknowledged client writes folded into this entry
    uint32_t rows = 0;    // rows it will write (1 when coalescing)
  };
  struct Buffer {
    std::unordered_map<uint64_t, Pending> keys;
    std::vector<uint64_t> order;  // rows in arrival order (a key once when coalescing)
    SimTime oldest_ack = 0;
    uint64_t writes = 0;
    uint64_t warm = 0;  // of those, acknowledged during --warmup (not counted when they persist or are lost)
    bool timer = false;
  };
  Buffer& BufferOf(uint32_t server);
  void Buffered(uint32_t server, uint64_t key, bool measured);
  void Flush(uint32_t server);
  void ArmTimer(uint32_t server);

  StrategyConfig c_;
  std::vector<Buffer> buffers_;
  std::unordered_map<uint64_t, uint32_t> future_rows_;  // rows buffered or in flight, per key
  uint64_t acked_ = 0, persisted_ = 0, lost_writes_ = 0, lost_rows_ = 0, batches_ = 0, rows_ = 0;
  uint64_t direct_writes_ = 0, crashes_ = 0;
  SimTime loss_window_max_ = 0;
  std::vector<RunEvent> events_;
};

}  // namespace cachelab
