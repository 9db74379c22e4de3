// EpisodeTracker's 12-byte rows (closes modulo 2^24, load counts of 8 bits
// and close times of 50 bits, with larger ones kept apart) against a model with full-width counters in a
// std::map, written from the header's description of episodes.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "strategies/episode_tracker.h"

using namespace cachelab;

namespace {

struct Model {
  struct Key {
    SimTime last_close_at = 0;
    uint64_t closes = 0, open_loads = 0, last_loads = 0;
    bool open = false, open_by_miss = false, last_by_miss = false, warm = false, open_cold = false, last_cold = false;
  };
  std::map<uint32_t, Key> keys;
  std::vector<uint64_t> episodes;  // loads of each recorded (non-cold) episode
  uint64_t miss_episodes = 0, cold_episodes = 0, cold_loads = 0;

  void Record(uint64_t loads, bool by_miss, bool cold) {
    if (cold) {
      ++cold_episodes;
      cold_loads += loads;
      return;
    }
    episodes.push_back(loads);
    miss_episodes += by_miss;
  }
  uint64_t StampFor(uint32_t id, SimTime read_at) {
    Key& k = keys[id];
    return k.closes > 0 && read_at < k.last_close_at ? k.closes - 1 : k.closes;
  }
  void OnLoadStart(uint32_t id, uint64_t stamp, bool early) {
    Key& k = keys[id];
    if (stamp + 1 == k.closes && k.last_loads > 0) {
      ++k.last_loads;
    } else if (k.open) {
      ++k.open_loads;
    } else {
      if (k.last_loads) Record(k.last_loads, k.last_by_miss, k.last_cold);
      k.last_loads = 0;
      k.open = true;
      k.open_loads = 1;
      k.open_by_miss = !early;
      k.open_cold = !k.warm;
    }
  }
  void OnFill(uint32_t id, SimTime now) {
    Key& k = keys[id];
    if (!k.open) return;
    if (k.last_loads) Record(k.last_loads, k.last_by_miss, k.last_cold);
    k = Key{now, k.closes + 1, 0, k.open_loads, false, false, k.open_by_miss, true, false, k.open_cold};
  }
  // Finished(): every pending episode recorded.
  Model Finished() const {
    Model m = *this;
    for (const auto& [id, k] : keys) {
      if (k.last_loads) m.Record(k.last_loads, k.last_by_miss, k.last_cold);
      if (k.open && k.open_loads) m.Record(k.open_loads, k.open_by_miss, k.open_cold);
    }
    return m;
  }
};

void CheckSame(const EpisodeTracker& t, const Model& m) {
  uint64_t sum = 0, max = 0;
  for (uint64_t n : m.episodes) {
    sum += n;
    max = std::max(max, n);
  }
  REQUIRE(t.episodes() == m.episodes.size());
  CHECK(t.loads().max() == max);
  CHECK(t.loads().mean() == Approx(m.episodes.empty() ? 0.0 : double(sum) / double(m.episodes.size())));
  CHECK(t.miss_episodes() == m.miss_episodes);
  CHECK(t.cold_episodes() == m.cold_episodes);
  CHECK(t.cold_loads() == m.cold_loads);
}

}  // namespace

// start: the first time (near 2^50 ns, close times move to the side map mid-run);
// fill_one_in: a fill is 1 in fill_one_in of the other steps (rare fills: herds past 255 loads).
static void RandomHerds(SimTime start, int fill_one_in) {
  std::mt19937_64 rng(18);
  EpisodeTracker t;
  Model m;
  std::vector<std::pair<uint32_t, uint64_t>> in_flight;  // key, the model's stamp ...
  std::vector<uint32_t> tracker_stamps;                 // ... and the tracker's
  SimTime now = start;
  for (int step = 0; step < 200000; ++step) {
    now += static_cast<SimTime>(rng() % 1000);
    uint32_t id = static_cast<uint32_t>(rng() % 50);
    switch (rng() % 5) {
      case 0:
      case 1: {  // a miss read the cache at some recent time; its load starts now or later
        SimTime read_at = now - static_cast<SimTime>(rng() % 3000);
        if (read_at < 0) read_at = 0;
        in_flight.emplace_back(id, m.StampFor(id, read_at));
        tracker_stamps.push_back(t.StampFor(id, read_at));
        break;
      }
      case 2:
        if (!in_flight.empty()) {
          size_t i = rng() % in_flight.size();
          bool early = rng() % 8 == 0;
          m.OnLoadStart(in_flight[i].first, in_flight[i].second, early);
          t.OnLoadStart(in_flight[i].first, tracker_stamps[i], early);
          in_flight.erase(in_flight.begin() + static_cast<long>(i));
          tracker_stamps.erase(tracker_stamps.begin() + static_cast<long>(i));
        }
        break;
      case 3:
        if (rng() % static_cast<uint64_t>(fill_one_in) != 0) break;
        m.OnFill(id, now);
        t.OnFill(id, now);
        break;
      default:
        if (rng() % 50 == 0) {
          m.keys[id].warm = true;
          t.MarkWarm(id);
        }
    }
  }
  CheckSame(t, m);
  CheckSame(t.Finished(), m.Finished());
  if (fill_one_in > 1) CHECK(t.Finished().loads().max() > 255);  // past the 8-bit field
}

TEST_CASE("EpisodeTracker counts episodes as the full-width model, random herds and late loads") {
  RandomHerds(0, 1);
  RandomHerds((SimTime{1} << 50) - 20000000, 1);  // 200,000 steps of ~500 ns: crosses 2^50 ns
  RandomHerds(0, 400);                             // herds of hundreds of loads
  RandomHerds((SimTime{1} << 50) - 20000000, 400);
}

TEST_CASE("EpisodeTracker: an episode of 300,000 loads and 2^24 + 3 closes of one key count exactly") {
  EpisodeTracker t;
  Model m;
  // One herd: 300,000 loads (beyond 8 and 17 bits) in one episode, then 5 late loads.
  uint64_t ms = m.StampFor(7, 0);
  uint32_t ts = t.StampFor(7, 0);
  for (int i = 0; i < 300000; ++i) {
    m.OnLoadStart(7, ms, false);
    t.OnLoadStart(7, ts, false);
  }
  m.OnFill(7, 100);
  t.OnFill(7, 100);
  for (int i = 0; i < 5; ++i) {
    m.OnLoadStart(7, ms, false);
    t.OnLoadStart(7, ts, false);
  }
  // Then 2^24 + 2 one-load episodes, each followed by a late load read before its close.
  SimTime now = 100;
  for (uint64_t c = 0; c < (uint64_t{1} << 24) + 2; ++c) {
    now += 10;
    m.OnLoadStart(7, m.StampFor(7, now), false);
    t.OnLoadStart(7, t.StampFor(7, now), false);
    m.OnFill(7, now + 5);
    t.OnFill(7, now + 5);
    if (c % 4096 == 0 || c + 4 > (uint64_t{1} << 24)) {  // and where closes wraps to 0
      m.OnLoadStart(7, m.StampFor(7, now + 1), true);  // read before the close: joins it
      t.OnLoadStart(7, t.StampFor(7, now + 1), true);
    }
  }
  CheckSame(t, m);
  EpisodeTracker done = t.Finished();
  CheckSame(done, m.Finished());
  CHECK(done.cold_loads() == 300005);  // by hand: the first episode was cold
  CHECK(done.loads().max() == 2);      // a load and a late one
}
