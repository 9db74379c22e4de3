#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <vector>

#include "sim/simulator.h"

using namespace cachelab;

TEST_CASE("events run in time order, ties in scheduling order") {
  Simulator sim;
  std::string log;
  sim.ScheduleAt(30, [&] { log += "c"; });
  sim.ScheduleAt(10, [&] { log += "a"; });
  sim.ScheduleAt(20, [&] { log += "b1"; });
  sim.ScheduleAt(20, [&] { log += "b2"; });
  sim.ScheduleAt(20, [&] { log += "b3"; });
  sim.Run();
  CHECK(log == "ab1b2b3c");
  CHECK(sim.Now() == 30);
}

TEST_CASE("an event scheduled for now runs after those already queued for now") {
  Simulator sim;
  std::vector<int> order;
  sim.ScheduleAt(5, [&] {
    order.push_back(1);
    sim.Schedule(0, [&] { order.push_back(3); });
  });
  sim.ScheduleAt(5, [&] { order.push_back(2); });
  sim.Run();
  CHECK(order == std::vector<int>{1, 2, 3});
}

TEST_CASE("cancel removes a pending event and only once") {
  Simulator sim;
  int ran = 0;
  EventId a = sim.Schedule(10, [&] { ran += 1; });
  sim.Schedule(20, [&] { ran += 10; });
  CHECK(sim.Cancel(a));
  CHECK_FALSE(sim.Cancel(a));
  sim.Run();
  CHECK(ran == 10);
  // A stale id must not cancel the event that reuses its slot.
  EventId b = sim.Schedule(5, [&] { ran += 100; });
  CHECK_FALSE(sim.Cancel(a));
  sim.Run();
  CHECK(ran == 110);
  CHECK_FALSE(sim.Cancel(b));
}

TEST_CASE("RunUntil stops at the horizon and advances the clock") {
  Simulator sim;
  int ran = 0;
  sim.ScheduleAt(100, [&] { ++ran; });
  sim.ScheduleAt(200, [&] { ++ran; });
  sim.RunUntil(150);
  CHECK(ran == 1);
  CHECK(sim.Now() == 150);
  sim.RunUntil(200);  // inclusive
  CHECK(ran == 2);
}

TEST_CASE("background events do not keep Run going") {
  Simulator sim;
  int ticks = 0, work = 0;
  std::function<void()> tick = [&] {
    ++ticks;
    sim.Schedule(10, [&] { tick(); }, /*background=*/true);
  };
  sim.Schedule(10, [&] { tick(); }, true);
  sim.ScheduleAt(55, [&] { ++work; });
  sim.Run();
  CHECK(work == 1);
  CHECK(ticks == 5);  // at 10, 20, 30, 40, 50; the one at 60 is left pending
  CHECK(sim.Now() == 55);
}

TEST_CASE("a large random schedule pops in nondecreasing (time, seq) order") {
  Simulator sim;
  uint64_t x = 12345;
  SimTime last = -1;
  int last_seq = -1;
  bool ordered = true;
  for (int i = 0; i < 20000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    SimTime t = static_cast<SimTime>((x >> 33) % 1000);
    sim.ScheduleAt(t, [&, t, i] {
      if (t < last || (t == last && i < last_seq)) ordered = false;
      last = t;
      last_seq = i;
    });
  }
  sim.Run();
  CHECK(ordered);
  CHECK(sim.events_run() == 20000);
}

// Lanes only make in-order events cheaper: whatever the sources do (in order,
// out of order, nested scheduling, cancels, background events), events must
// run exactly in (time, scheduling order). Independent expectation: every
// event is scheduled at or after Now(), so that order is the one in which the
// (time, schedule counter) pairs of the executed events strictly increase,
// and every event not cancelled runs.
TEST_CASE("lanes keep the (time, scheduling order) of the heap, in or out of order") {
  struct World {
    Simulator sim;
    Simulator::Lane lanes[3];
    uint64_t x;
    SimTime last_at = -1;
    int64_t last_counter = -1, counter = 0;
    bool ordered = true;
    int ran = 0, expected = 0;
    std::vector<EventId> cancellable;
    uint64_t Next() {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      return x >> 33;
    }
    void Schedule(int depth) {
      int64_t c = counter++;
      uint64_t r = Next();
      // Mostly small delays (ties are common), a lane chosen at random, so
      // lanes get events in order and out of order.
      SimTime at = sim.Now() + static_cast<SimTime>(r % 4 == 0 ? r % 7 : r % 300);
      auto fn = [this, c, at, depth] {
        if (at < last_at || (at == last_at && c <= last_counter) || sim.Now() != at) ordered = false;
        last_at = at;
        last_counter = c;
        ++ran;
        if (depth < 3 && Next() % 2 == 0) Schedule(depth + 1);
      };
      ++expected;
      int where = static_cast<int>(Next() % 5);
      if (where == 4) {  // a poster: the handler runs posted[arg]; not cancellable
        posted.push_back(fn);
        sim.PostAt(poster, at, static_cast<uint32_t>(posted.size() - 1));
        return;
      }
      EventId id = where == 3 ? sim.ScheduleAt(at, fn) : sim.ScheduleAt(lanes[where], at, fn);
      if (Next() % 16 == 0) cancellable.push_back(id);
    }
    std::vector<std::function<void()>> posted;
    Simulator::Poster poster;
    void RunPosted(uint32_t i) { posted[i](); }
  };
  for (uint64_t seed : {1u, 2u, 3u, 4u}) {
    World w;
    for (auto& lane : w.lanes) lane = w.sim.NewLane();
    w.poster = w.sim.NewPoster<&World::RunPosted>(&w);
    w.x = seed * 0x9e3779b97f4a7c15ULL;
    for (int i = 0; i < 5000; ++i) {
      w.Schedule(0);
      if (i % 7 == 0) w.sim.Step();
      if (i % 50 == 0 && !w.cancellable.empty()) {
        if (w.sim.Cancel(w.cancellable.back())) --w.expected;
        w.cancellable.pop_back();
      }
    }
    w.sim.Run();
    CHECK(w.ordered);
    CHECK(w.ran == w.expected);
  }
}

TEST_CASE("NewLane gives kMaxLanes lanes, then the heap") {
  Simulator sim;
  for (int i = 0; i < Simulator::kMaxLanes; ++i) CHECK(sim.NewLane() == i);
  CHECK(sim.NewLane() == Simulator::kHeap);
  std::string log;
  sim.ScheduleAt(Simulator::kHeap, 20, [&] { log += "b"; });
  sim.ScheduleAt(0, 20, [&] { log += "c"; });
  sim.ScheduleAt(0, 10, [&] { log += "a"; });  // earlier than its lane's last: goes to the heap
  sim.RunUntil(15);
  CHECK(log == "a");
  sim.Run();
  CHECK(log == "abc");
}

// A poster without a lane of its own (all taken, or asked for so) still runs its handler, through
// the heap, in (time, scheduling order) with the other events.
TEST_CASE("a poster calls its handler with each argument, with or without a lane") {
  struct Log {
    std::string text;
    void Add(uint32_t c) { text += static_cast<char>(c); }
  };
  for (int taken : {0, Simulator::kMaxLanes, -1}) {  // -1: a poster asked for without a lane
    Simulator sim;
    for (int i = 0; i < taken; ++i) sim.NewLane();
    Log log;
    Simulator::Poster p = sim.NewPoster<&Log::Add>(&log, /*lane=*/taken >= 0);
    CHECK(p.lane == (taken ? Simulator::kHeap : 0));
    if (taken < 0) CHECK(sim.NewLane() == 0);  // none taken by it
    sim.PostAt(p, 20, 'c');
    sim.ScheduleAt(20, [&] { log.text += 'd'; });
    sim.PostAt(p, 10, 'a');  // earlier than the lane's last: the heap
    sim.Post(p, 10, 'b');
    sim.PostAt(p, 30, 'e');
    CHECK(sim.pending_foreground() == 5);
    sim.RunUntil(15);
    CHECK(log.text == "ab");
    CHECK(sim.Now() == 15);
    sim.Run();
    CHECK(log.text == "abcde");
    CHECK(sim.Now() == 30);
    CHECK(sim.events_run() == 5);
  }
}
