#include "sim/simulator.h"

#include <cassert>

namespace cachelab {

EventId Simulator::ScheduleAt(SimTime at, Callback fn, bool background) {
  if (at < now_) at = now_;
  uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  uint64_t seq = next_seq_++;
  Slot& s = slots_[slot];
  s.fn = std::move(fn);
  s.seq = seq;
  s.background = background;
  if (!background) ++foreground_;
  PushHeap(Entry{at, seq, slot});
  return EventId{slot, seq};
}

bool Simulator::Cancel(EventId id) {
  if (!id.valid() || id.slot >= slots_.size()) return false;
  Slot& s = slots_[id.slot];
  if (s.seq != id.seq) return false;
  s.seq = 0;
  s.fn.Reset();
  if (!s.background) --foreground_;
  // The heap entry stays; it is skipped (and the slot freed) when popped.
  return true;
}

void Simulator::PushHeap(Entry e) {
  size_t i = heap_.size();
  heap_.push_back(e);
  while (i > 0) {
    size_t parent = (i - 1) / 2;
    if (!Before(e, heap_[parent])) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = e;
}

Simulator::Entry Simulator::PopHeap() {
  Entry top = heap_.front();
  Entry last = heap_.back();
  heap_.pop_back();
  size_t n = heap_.size();
  if (n > 0) {
    size_t i = 0;
    for (;;) {
      size_t child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && Before(heap_[child + 1], heap_[child])) ++child;
      if (!Before(heap_[child], last)) break;
      heap_[i] = heap_[child];
      i = child;
    }
    heap_[i] = last;
  }
  return top;
}

bool Simulator::RunTop() {
  Entry e = PopHeap();
  Slot& s = slots_[e.slot];
  if (s.seq != e.seq) {  // cancelled: the slot was kept for this entry
    if (s.seq == 0) free_slots_.push_back(e.slot);
    return false;
  }
  now_ = e.at;
  Callback fn = std::move(s.fn);
  s.seq = 0;
  if (!s.background) --foreground_;
  free_slots_.push_back(e.slot);
  ++events_run_;
  fn();
  return true;
}

bool Simulator::Step() {
  while (!heap_.empty()) {
    if (RunTop()) return true;
  }
  return false;
}

void Simulator::Run() {
  while (foreground_ > 0 && !heap_.empty()) RunTop();
}

void Simulator::RunUntil(SimTime until) {
  while (!heap_.empty() && heap_.front().at <= until) RunTop();
  if (until > now_) now_ = until;
}

}  // namespace cachelab
