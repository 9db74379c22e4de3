// The discrete-event kernel: one priority queue ordered by (time, insertion
// sequence), so events at the same instant run in the order they were scheduled.
// Cancel marks an event dead instead of searching the heap for it.
//
// Threading: single-threaded; one Simulator per run.
#pragma once
#include <cstdint>
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
  static bool Before(const Entry& a, const Entry& b) {
    return a.at < b.at || (a.at == b.at && a.seq < b.seq);
  }
  void PushHeap(Entry e);
  Entry PopHeap();
  bool RunTop();

  std::vector<Entry> heap_;
  std::vector<Slot> slots_;
  std::vector<uint32_t> free_slots_;
  SimTime now_ = 0;
  uint64_t next_seq_ = 1;
  uint64_t events_run_ = 0;
  size_t foreground_ = 0;
};

}  // namespace cachelab
