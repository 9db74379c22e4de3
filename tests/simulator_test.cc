#include <catch2/catch.hpp>
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
