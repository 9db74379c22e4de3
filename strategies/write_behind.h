// Write-behind (write-back): a write updates the cache at once and is
// acknowledged; the application server keeps it in a buffer that is flushed
// as one batched database write every flush_interval, or as soon as
// batch_size rows are pending. With coalescing, repeated writes to one key
// become one row (only the newest value is persisted). Finish() flushes.
// A crashed server loses its buffer: those acknowledged writes are lost
// (counted, with the loss window: crash time minus the oldest pending ack).
// If the cache fails, the write goes straight to the database instead.
// Reads: read-through.
// Versions: each client write is labelled when it is sent with the key's
// next write number, and its SET carries that label. A row carries the
// label of the newest write folded into it and commits the key as that
// version (SimDatabase::WriteBatch), so the database's version says which
// write it holds: labels of writes folded away or lost are skipped. Nothing
// about the buffer is predicted at send time (the buffer may be flushed,
// coalesced into or lost while a SET is in flight). A row older than the
// committed version (another server's newer write committed first) leaves
// the version as it is. Invalidation::OnWriteSet then does the rest.
#pragma once
#include <unordered_map>
#include <vector>

#include "sim/sim_database.h"
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
    uint32_t last = 0;    // its newest row, in order
  };
  using Row = SimDatabase::Row;
  struct Buffer {
    std::unordered_map<uint64_t, Pending> keys;
    std::vector<Row> order;  // rows in arrival order (a key once when coalescing), labelled
    SimTime oldest_ack = 0;
    uint64_t writes = 0;
    uint64_t warm = 0;  // of those, acknowledged during --warmup (not counted when they persist or are lost)
    bool timer = false;
  };
  Buffer& BufferOf(uint32_t server);
  void Buffered(uint32_t server, uint64_t key, uint64_t label, bool measured);
  // The newest label of key still to commit, not counting `server`'s buffer
  // (else the committed version): what a reader may ask for after a crash.
  uint64_t NewestPending(uint64_t key, uint32_t server) const;
  void Flush(uint32_t server);
  void ArmTimer(uint32_t server);

  StrategyConfig c_;
  std::vector<Buffer> buffers_;
  std::vector<uint64_t> labels_;                        // by key id: the newest write label given
  std::unordered_map<uint64_t, std::vector<Row>> flushing_;  // batches sent, not committed, by number
  uint64_t flushes_ = 0;                                 // batches sent (numbers flushing_)
  uint64_t acked_ = 0, persisted_ = 0, lost_writes_ = 0, lost_rows_ = 0, batches_ = 0, rows_ = 0;
  uint64_t direct_writes_ = 0, crashes_ = 0;
  SimTime loss_window_max_ = 0;
  std::vector<RunEvent> events_;
};

}  // namespace cachelab
