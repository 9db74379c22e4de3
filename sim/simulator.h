// The discrete-event kernel: events run in (time, insertion sequence) order,
// so events at the same instant run in the order they were scheduled. They
// wait in a 4-ary min-heap, or in a lane: a FIFO for one source whose events
// come in time order (the replies of a FIFO server with a fixed round trip,
// an arrival process), where an event costs O(1) instead of a heap push and
// pop. The next event is the least of the heap's top and the lanes' fronts.
// Cancel marks an event dead instead of searching for it.
//
// Threading: single-threaded; one Simulator per run.
#pragma once
#include <cstdint>
#include <memory>
#include <type_traits>
#include <vector>

#include "sim/fifo_ring.h"
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
  template <typename F>  // a callable other than a Callback
  using IfCallable =
      std::enable_if_t<!std::is_same_v<std::decay_t<F>, Callback> && std::is_invocable_v<std::decay_t<F>&>, int>;

  Simulator() = default;
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  SimTime Now() const override { return now_; }

  // Runs fn at Now() + delay (delay >= 0). Background events (periodic daemons
  // such as Redis's active-expiry cycle) do not keep Run() going on their own.
  EventId Schedule(SimTime delay, Callback&& fn, bool background = false) {
    return ScheduleAt(now_ + (delay > 0 ? delay : 0), std::move(fn), background);
  }
  EventId ScheduleAt(SimTime at, Callback&& fn, bool background = false);
  // The same for a callable that is not a Callback yet (a lambda): it is built
  // in its event slot (Callback::Emplace) instead of moved there.
  template <typename F, IfCallable<F> = 0>
  EventId Schedule(SimTime delay, F&& fn, bool background = false) {
    return ScheduleAt(now_ + (delay > 0 ? delay : 0), std::forward<F>(fn), background);
  }
  template <typename F, IfCallable<F> = 0>
  EventId ScheduleAt(SimTime at, F&& fn, bool background = false) {
    if (at < now_) at = now_;
    uint32_t index = NewSlot(background);
    Slot& s = slot(index);
    s.fn.Emplace(std::forward<F>(fn));
    PushHeap(at, s.seq, index);
    return EventId{index, s.seq};
  }

  // A lane for a source whose events are scheduled in time order. An event
  // earlier than its lane's last one goes to the heap instead, so the order
  // of events is (time, sequence) whatever the source does: a lane only
  // makes in-order events cheaper. kHeap when all kMaxLanes are taken.
  using Lane = uint8_t;
  static constexpr Lane kHeap = 0xFF;
  static constexpr int kMaxLanes = 8;
  Lane NewLane() { return lane_count_ < kMaxLanes ? static_cast<Lane>(lane_count_++) : kHeap; }
  EventId Schedule(Lane lane, SimTime delay, Callback&& fn) {
    return ScheduleAt(lane, now_ + (delay > 0 ? delay : 0), std::move(fn));
  }
  EventId ScheduleAt(Lane lane, SimTime at, Callback&& fn) {  // inline: the hot path of most events
    if (at < now_) at = now_;
    return Enqueue(lane, at, NewSlot(std::move(fn), false));
  }
  template <typename F, IfCallable<F> = 0>
  EventId Schedule(Lane lane, SimTime delay, F&& fn) {
    return ScheduleAt(lane, now_ + (delay > 0 ? delay : 0), std::forward<F>(fn));
  }
  template <typename F, IfCallable<F> = 0>
  EventId ScheduleAt(Lane lane, SimTime at, F&& fn) {
    if (at < now_) at = now_;
    uint32_t index = NewSlot(false);
    slot(index).fn.Emplace(std::forward<F>(fn));
    return Enqueue(lane, at, index);
  }

  // A poster: a lane whose events all call one handler with a 32-bit
  // argument (the row of a command, a request number). Such an event needs no
  // slot and no callback of its own: Post writes (time, sequence, argument)
  // to the lane's ring and the kernel calls the handler when it comes up.
  // Posted events cannot be cancelled. One earlier than the lane's last (or
  // on a poster without a lane) goes to the heap, its entry naming the
  // handler, so events still run in (time, sequence).
  using Handler = void (*)(void* context, uint32_t arg);
  struct Poster {
    Lane lane = kHeap;
    uint32_t target = 0;
  };
  // lane=false: a poster whose events go to the heap (a source whose events
  // come out of time order, e.g. random latencies); there too an event needs
  // no slot and no callback: the heap's entry names the handler.
  Poster NewPoster(Handler handler, void* context, bool lane = true);
  template <auto Method, typename T>  // object->*Method(arg)
  Poster NewPoster(T* object, bool lane = true) {
    return NewPoster([](void* o, uint32_t arg) { (static_cast<T*>(o)->*Method)(arg); }, object, lane);
  }
  void PostAt(Poster p, SimTime at, uint32_t arg) {  // inline: the hot path of most events
    if (at < now_) at = now_;
    if (p.lane != kHeap && (lanes_[p.lane].empty() || lanes_[p.lane].back().at <= at)) {
      lanes_[p.lane].push_back(Entry{at, next_seq_++, arg});
      ++foreground_;
    } else {
      PostToHeap(p.target, at, arg);
    }
  }
  void Post(Poster p, SimTime delay, uint32_t arg) { PostAt(p, now_ + (delay > 0 ? delay : 0), arg); }

  // Returns true if the event was pending and is now cancelled.
  bool Cancel(EventId id);

  // Runs the next live event; false when the queue is empty.
  bool Step();
  // Runs events until only background events remain (or none).
  void Run();
  // Runs events with time <= until, then sets Now() to until.
  void RunUntil(SimTime until);

  size_t pending() const {
    size_t n = heap_.size();
    for (int i = 0; i < lane_count_; ++i) n += lanes_[i].size();
    return n;
  }
  size_t pending_foreground() const { return foreground_; }
  uint64_t events_run() const { return events_run_; }

 private:
  static constexpr uint32_t kNoTarget = UINT32_MAX;
  struct Entry {
    SimTime at;
    uint64_t seq;
    uint32_t slot;                 // a posted event's argument
    uint32_t target = kNoTarget;   // in the heap: a posted event's handler (targets_), else a slot's event
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
  uint32_t NewSlot(Callback&& fn, bool background) {
    uint32_t index = NewSlot(background);
    slot(index).fn = std::move(fn);
    return index;
  }
  // A slot with an empty callback (RunEntry and Cancel reset it).
  uint32_t NewSlot(bool background) {
    uint32_t index;
    if (!free_slots_.empty()) {
      index = free_slots_.back();
      free_slots_.pop_back();
    } else {
      index = AddSlot();
    }
    Slot& s = slot(index);
    s.seq = next_seq_++;
    s.background = background;
    if (!background) ++foreground_;
    return index;
  }
  uint32_t AddSlot();
  // Queues slot `index` (its seq set) at `at`. In a lane only behind an event
  // no later: the lane stays sorted by (time, seq); else the heap.
  EventId Enqueue(Lane lane, SimTime at, uint32_t index) {
    uint64_t seq = slot(index).seq;
    if (lane != kHeap && (lanes_[lane].empty() || lanes_[lane].back().at <= at))
      lanes_[lane].push_back(Entry{at, seq, index});
    else
      PushHeap(at, seq, index);
    return EventId{index, seq};
  }
  // By fields, in registers: an Entry passed on the stack is written in three
  // stores and read back wider, a store-forwarding stall per push.
  void PushHeap(SimTime at, uint64_t seq, uint32_t index, uint32_t target = kNoTarget);
  Entry PopHeap();
  // Where the next entry waits: kHeap, a lane, or kNone when nothing is pending.
  static constexpr int kNone = -1;
  int NextSource() const;
  Entry PopFrom(int source);
  bool RunEntry(const Entry& e);
  // Runs the next entry of `source`: a posted event, or a slot's callback.
  bool RunFrom(int source);
  void PostToHeap(uint32_t target, SimTime at, uint32_t arg);

  std::vector<Entry> heap_;  // 4-ary min-heap: half the depth of a binary heap
  FifoRing<Entry> lanes_[kMaxLanes];  // a poster's lane holds its argument in Entry::slot
  struct Target {
    Handler handler;
    void* context;
  };
  uint32_t lane_target_[kMaxLanes] = {kNoTarget, kNoTarget, kNoTarget, kNoTarget,
                                      kNoTarget, kNoTarget, kNoTarget, kNoTarget};
  std::vector<Target> targets_;
  int lane_count_ = 0;
  std::vector<std::unique_ptr<Slot[]>> chunks_;
  uint32_t slot_count_ = 0;
  std::vector<uint32_t> free_slots_;
  SimTime now_ = 0;
  uint64_t next_seq_ = 1;
  uint64_t events_run_ = 0;
  size_t foreground_ = 0;
};

}  // namespace cachelab
