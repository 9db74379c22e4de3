// The discrete-event kernel: one priority queue ordered by (time, insertion
// sequence), so events at the same instant run in the order they were scheduled.
// Cancel marks an event dead instead of searching the heap for it.
//
// Threading: single-threaded; one Simulator per run.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "sim/inplace_function.h"
#include "sim/time.h"

namespace cachelab {

struct EventId {
  uint32_t slot = UINT32_MAX;
  uint64_t seq = 0;
  bool valid() const { return slot != UINT32_MAX; }
};

class Simulator final : public Clock {
 public:
  using Callback = InplaceFunction<void(), 64>;

  Simulator() = default;
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  SimTime Now() const override { return now_; }

  // Runs fn at Now() + delay (delay >= 0). Background events (periodic daemons
  // such as Redis's active-expiry cycle) do not keep Run() going on their own.
  EventId Schedule(SimTime delay, Callback fn, bool background = false) {
    return ScheduleAt(now_ + (delay > 0 ? delay : 0), std::move(fn), background);
  }
  EventId ScheduleAt(SimTime at, Callback fn, bool background = false);

  // Returns true if the event was pending and is now cancelled.
  bool Cancel(EventId id);

  // Runs the next live event; false when the queue is empty.
  bool Step();
  // Runs events until only background events remain (or none).
  void Run();
  // Runs events with time <= until, then sets Now() to until.
  void RunUntil(SimTime until);

  size_t pending() const { return heap_.size(); }
  size_t pending_foreground() const { return foreground_; }
  uint64_t events_run() const { return events_run_; }

 private:
  struct Entry {
    SimTime at;
    uint64_t seq;
    uint32_t slot;
  };
  struct Slot {
    Callback fn;
    uint64_t seq = 0;  // 0: free or cancelled
    bool background = false;
  };
  // (time, seq) as one 128-bit number: the compiler turns the comparison
  // into branch-free flag arithmetic, which matters in the heap's inner loop.
  static unsigned __int128 Key(const Entry& e) {
    return (static_cast<unsigned __int128>(static_cast<uint64_t>(e.at)) << 64) | e.seq;
  }
  static bool Before(const Entry& a, const Entry& b) { return Key(a) < Key(b); }
  // Slots live in fixed chunks so a callback can run in place even when it
  // schedules events that grow the slot table.
  static constexpr uint32_t kChunkBits = 10;
  Slot& slot(uint32_t i) { return chunks_[i >> kChunkBits][i & ((1u << kChunkBits) - 1)]; }
  void PushHeap(Entry e);
  Entry PopHeap();
  bool RunTop();

  std::vector<Entry> heap_;  // 4-ary min-heap: half the depth of a binary heap
  std::vector<std::unique_ptr<Slot[]>> chunks_;
  uint32_t slot_count_ = 0;
  std::vector<uint32_t> free_slots_;
  SimTime now_ = 0;
  uint64_t next_seq_ = 1;
  uint64_t events_run_ = 0;
  size_t foreground_ = 0;
};

}  // namespace cachelab
