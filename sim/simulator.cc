#include "sim/simulator.h"

#include <algorithm>

namespace cachelab {

uint32_t Simulator::AddSlot() {
  uint32_t index = slot_count_++;
  if ((index >> kChunkBits) >= chunks_.size()) chunks_.push_back(std::make_unique<Slot[]>(1u << kChunkBits));
  return index;
}

EventId Simulator::ScheduleAt(SimTime at, Callback&& fn, bool background) {
  if (at < now_) at = now_;
  uint32_t index = NewSlot(std::move(fn), background);
  uint64_t seq = slot(index).seq;
  PushHeap(at, seq, index);
  return EventId{index, seq};
}

Simulator::Poster Simulator::NewPoster(Handler handler, void* context, bool lane) {
  Poster p{lane ? NewLane() : kHeap, static_cast<uint32_t>(targets_.size())};
  targets_.push_back(Target{handler, context});
  if (p.lane != kHeap) lane_target_[p.lane] = p.target;
  return p;
}

void Simulator::PostToHeap(uint32_t target, SimTime at, uint32_t arg) {
  ++foreground_;
  PushHeap(at, next_seq_++, arg, target);
}

bool Simulator::Cancel(EventId id) {
  if (!id.valid() || id.slot >= slot_count_) return false;
  Slot& s = slot(id.slot);
  if (s.seq != id.seq) return false;
  s.seq = 0;
  s.fn.Reset();
  if (!s.background) --foreground_;
  // The queued entry stays; it is skipped (and the slot freed) when popped.
  return true;
}

void Simulator::PushHeap(SimTime at, uint64_t seq, uint32_t index, uint32_t target) {
  const Entry e{at, seq, index, target};
  size_t i = heap_.size();
  heap_.push_back(e);
  while (i > 0) {
    size_t parent = (i - 1) / 4;
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
      size_t first = 4 * i + 1;
      if (first >= n) break;
      size_t best = first;
      if (first + 4 <= n) {  // full family: branch-free tournament
        size_t a = Before(heap_[first + 1], heap_[first]) ? first + 1 : first;
        size_t b = Before(heap_[first + 3], heap_[first + 2]) ? first + 3 : first + 2;
        best = Before(heap_[b], heap_[a]) ? b : a;
      } else {
        for (size_t c = first + 1; c < n; ++c)
          if (Before(heap_[c], heap_[best])) best = c;
      }
      if (!Before(heap_[best], last)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = last;
  }
  return top;
}

int Simulator::NextSource() const {
  int source = kNone;
  const Entry* best = nullptr;
  if (!heap_.empty()) {
    best = &heap_.front();
    source = kHeap;
  }
  for (int i = 0; i < lane_count_; ++i) {
    if (lanes_[i].empty()) continue;
    const Entry& e = lanes_[i].front();
    if (!best || Before(e, *best)) {
      best = &e;
      source = i;
    }
  }
  return source;
}

Simulator::Entry Simulator::PopFrom(int source) {
  if (source == kHeap) return PopHeap();
  Entry e = lanes_[source].front();
  lanes_[source].pop_front();
  return e;
}

bool Simulator::RunEntry(const Entry& e) {
  Slot& s = slot(e.slot);
  if (s.seq != e.seq) {  // cancelled: the slot was kept for this entry
    if (s.seq == 0) free_slots_.push_back(e.slot);
    return false;
  }
  now_ = e.at;
  s.seq = 0;
  if (!s.background) --foreground_;
  ++events_run_;
  s.fn();  // in place: chunks never move
  s.fn.Reset();
  free_slots_.push_back(e.slot);
  return true;
}

inline bool Simulator::RunFrom(int source) {
  uint32_t target;
  Entry e;
  if (source != kHeap) {
    if (lane_target_[source] == kNoTarget) return RunEntry(PopFrom(source));
    e = lanes_[source].front();
    lanes_[source].pop_front();
    target = lane_target_[source];
  } else {
    e = PopHeap();
    if (e.target == kNoTarget) return RunEntry(e);
    target = e.target;
  }
  now_ = e.at;  // a posted event
  --foreground_;
  ++events_run_;
  Target t = targets_[target];
  t.handler(t.context, e.slot);
  return true;
}

bool Simulator::Step() {
  for (int source = NextSource(); source != kNone; source = NextSource())
    if (RunFrom(source)) return true;
  return false;
}

void Simulator::Run() {
  while (foreground_ > 0) {
    int source = NextSource();
    if (source == kNone) break;
    RunFrom(source);
  }
}

void Simulator::RunUntil(SimTime until) {
  for (int source = NextSource(); source != kNone; source = NextSource()) {
    const Entry& next = source == kHeap ? heap_.front() : lanes_[source].front();
    if (next.at > until) break;
    RunFrom(source);
  }
  if (until > now_) now_ = until;
}

}  // namespace cachelab
