// MGET fan-out: one MGET per owning node, sent together; the call completes
// when the slowest node answers. With fixed latencies and idle nodes a node's
// reply arrives after exactly rtt + service, so the completion time is
// max over the nodes involved, computed by hand below.
#include <catch2/catch.hpp>
#include <set>

#include "lab/cluster.h"
#include "strategies/harness.h"

using namespace cachelab;

namespace {

struct Fixture {
  Simulator sim;
  ClusterConfig config;
  SimRedisConfig base;
  std::unique_ptr<Cluster> cluster;
  Fixture() {
    config.nodes = 3;
    config.node_rtt = {Distribution::Fixed(200 * kMicrosecond), Distribution::Fixed(1000 * kMicrosecond),
                       Distribution::Fixed(400 * kMicrosecond)};
    base.service = Distribution::Fixed(2 * kMicrosecond);
    cluster = std::make_unique<Cluster>(sim, config, base, 1);
    for (uint64_t k = 0; k < 30; ++k) {
      // Straight into the owner's store: the test is about reads.
      SimRedis& n = cluster->For(k);
      n.store().Set(CacheKey(k), Blob{"v" + std::to_string(k), 0}, {});
    }
  }
  size_t NodeOf(uint64_t k) { return &cluster->For(k) == &cluster->node(0) ? 0 : &cluster->For(k) == &cluster->node(1) ? 1 : 2; }
  // Runs one MGET from t=0; returns its completion time.
  SimTime Time(const std::vector<uint64_t>& keys, std::vector<RedisReply>* out) {
    SimTime done_at = -1;
    cluster->MGet(keys, [&](std::vector<RedisReply>&& v) {
      done_at = sim.Now();
      *out = std::move(v);
    });
    sim.Run();
    return done_at;
  }
};

}  // namespace

TEST_CASE("MGET over all nodes completes on the slowest node, values in key order") {
  Fixture f;
  std::vector<uint64_t> keys;
  std::set<size_t> nodes;
  for (uint64_t k = 0; k < 30; ++k) keys.push_back(k), nodes.insert(f.NodeOf(k));
  REQUIRE(nodes.size() == 3);
  keys.push_back(999);  // not stored: nil
  std::vector<RedisReply> v;
  // Slowest: node 1, 1000us round trip + 2us service.
  CHECK(f.Time(keys, &v) == 1002 * kMicrosecond);
  REQUIRE(v.size() == keys.size());
  for (uint64_t k = 0; k < 30; ++k) CHECK(v[k].str.data == "v" + std::to_string(k));
  CHECK(v.back().is_nil());
  CHECK(f.cluster->node(0).commands() + f.cluster->node(1).commands() + f.cluster->node(2).commands() == 3);
}

TEST_CASE("MGET touching only the fast nodes is as fast as the slower of them") {
  Fixture f;
  std::vector<uint64_t> keys;
  std::set<size_t> nodes;
  for (uint64_t k = 0; k < 30; ++k)
    if (f.NodeOf(k) != 1) keys.push_back(k), nodes.insert(f.NodeOf(k));
  REQUIRE(nodes.size() == 2);
  std::vector<RedisReply> v;
  CHECK(f.Time(keys, &v) == 402 * kMicrosecond);  // node 2: 400us + 2us
  keys.resize(1);
  while (f.NodeOf(keys[0]) != 0) ++keys[0];
  CHECK(f.Time(keys, &v) - 402 * kMicrosecond == 202 * kMicrosecond);  // node 0 alone, from t = 402us
}

TEST_CASE("MGET with a node down returns that node's keys as errors after the client timeout") {
  Fixture f;
  f.cluster->node(1).set_down(true);
  std::vector<uint64_t> keys;
  for (uint64_t k = 0; k < 30; ++k) keys.push_back(k);
  std::vector<RedisReply> v;
  CHECK(f.Time(keys, &v) == f.base.client_timeout);
  for (uint64_t k = 0; k < 30; ++k) CHECK(v[k].is_error() == (f.NodeOf(k) == 1));
}
