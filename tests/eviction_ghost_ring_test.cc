// GhostList keeps ghosts in a ring, a ghost hit only marking its slot dead.
// Expectation: a std::list in push order with a std::unordered_map of ids (the
// textbook FIFO with removal anywhere), on random pushes, hits and pops, by id
// and by number (the ids' cells in NumberRows), through many rebuilds.
#include <catch2/catch.hpp>
#include <list>
#include <random>
#include <unordered_map>

#include "eviction/ghost_ring.h"

using cachelab::eviction::GhostList;
using cachelab::eviction::NumberCell;
using cachelab::eviction::NumberRows;

namespace {

struct Model {
  std::list<std::pair<uint64_t, uint64_t>> order;  // oldest first
  std::unordered_map<uint64_t, std::list<std::pair<uint64_t, uint64_t>>::iterator> at;
  uint64_t bytes = 0;
};

// `hit_share` of the steps remove a random id (present or not), `pop_share`
// pop the oldest, the rest push a new id; every step compares all of it.
void Drive(GhostList& g, uint64_t id_range, double hit_share, double pop_share, int steps, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<uint64_t> any_id(0, id_range - 1), size(1, 5000);
  Model m;
  for (int i = 0; i < steps; ++i) {
    const double r = u(rng);
    INFO("step " << i);
    if (r < hit_share) {
      const uint64_t id = any_id(rng);
      auto it = m.at.find(id);
      const bool there = it != m.at.end();
      REQUIRE(g.Remove(id) == there);
      if (there) {
        m.bytes -= it->second->second;
        m.order.erase(it->second);
        m.at.erase(it);
      }
    } else if (r < hit_share + pop_share) {
      g.PopBack();
      if (!m.order.empty()) {
        m.bytes -= m.order.front().second;
        m.at.erase(m.order.front().first);
        m.order.pop_front();
      }
    } else {
      uint64_t id = any_id(rng);
      while (m.at.count(id)) id = any_id(rng);  // an object is a ghost once
      const uint64_t s = size(rng);
      g.PushFront(id, s);
      m.order.emplace_back(id, s);
      m.at[id] = std::prev(m.order.end());
      m.bytes += s;
    }
    REQUIRE(g.count() == m.order.size());
    REQUIRE(g.bytes() == m.bytes);
    REQUIRE(g.empty() == m.order.empty());
    if (!m.order.empty()) {
      REQUIRE(g.TailId() == m.order.front().first);
      REQUIRE(g.TailSize() == m.order.front().second);
    }
  }
  for (uint64_t id = 0; id < std::min<uint64_t>(id_range, 5000); ++id) REQUIRE(g.Contains(id) == (m.at.count(id) > 0));
}

}  // namespace

TEST_CASE("ghost ring by id: the same order, sizes and members as a list") {
  SECTION("mostly pushes: the ring grows") {
    GhostList g;
    Drive(g, 1'000'000, 0.1, 0.1, 100'000, 1);
  }
  SECTION("mostly hits: dead slots pile up and rebuilds compact them") {
    GhostList g;
    Drive(g, 3'000, 0.6, 0.05, 100'000, 2);
  }
  SECTION("pops as often as pushes: the ring stays small and wraps") {
    GhostList g;
    Drive(g, 10'000, 0.2, 0.4, 100'000, 3);
  }
}

TEST_CASE("ghost ring by number: two rings share the rows' cell, told apart by tag") {
  NumberRows rows;
  rows.SetCells(2);
  rows.Grow(20'000);
  GhostList a;
  a.UseNumbers(NumberCell(&rows), 0);
  // Disjoint numbers (an object is in at most one of them), the same rows.
  Drive(a, 10'000, 0.5, 0.05, 50'000, 4);
  GhostList c;
  c.UseNumbers(NumberCell(&rows), 1);
  for (uint64_t n = 10'000; n < 20'000; ++n) c.PushFront(n, 1);
  for (uint64_t n = 0; n < 10'000; ++n) REQUIRE_FALSE(c.Contains(n));  // a's cells are tagged 0
  REQUIRE(c.count() == 10'000);
  for (uint64_t n = 10'000; n < 20'000; n += 2) REQUIRE(c.Remove(n));
  REQUIRE(c.TailId() == 10'001);
  REQUIRE(c.count() == 5'000);
}
