// SimRedis's promise behind a GET without a name (CacheBackend::GetsById):
// when it says a GET by id finds its key by the id alone, a GET with an empty
// name answers exactly what the same GET with the key's name answers. The
// expectation is the named GET itself; the cases are hand-chosen: keys created
// by id, a key created by name (not linked to an id: then it must say no), and
// a random round trip (commands execute later: it must say no).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/sim_redis.h"
#include "strategies/harness.h"

using namespace cachelab;

namespace {

// Runs one GET and returns its reply's string (or "(nil)").
std::string GetNow(Simulator& sim, SimRedis& redis, uint32_t id, std::string_view name) {
  std::string out = "(pending)";
  redis.GetById(id, name, [&out](RedisReply&& r) { out = r.type == RedisReply::Type::kString ? r.str.data : "(nil)"; });
  sim.Run();
  return out;
}

}  // namespace

TEST_CASE("a GET by id without its name answers as with it, whenever GetsById says so") {
  Simulator sim;
  SimRedisConfig c;  // fixed round trip (the default)
  SimRedis redis(sim, c, 1);
  CHECK(redis.GetsById());  // empty store: every live key is linked
  redis.SetById(0, "k:10", Blob{"v1", 0}, SetOptions{}, [](RedisReply&&) {});
  redis.SetById(1, "k:11", Blob{"v2", 0}, SetOptions{}, [](RedisReply&&) {});
  sim.Run();
  REQUIRE(redis.GetsById());
  CHECK(GetNow(sim, redis, 0, "") == GetNow(sim, redis, 0, "k:10"));
  CHECK(GetNow(sim, redis, 0, "") == "v1");
  CHECK(GetNow(sim, redis, 1, "") == "v2");
  CHECK(GetNow(sim, redis, 2, "") == "(nil)");  // an id never set
  CHECK(GetNow(sim, redis, 2, "k:12") == "(nil)");

  // A key created by name has no id yet: a GET by id must find it by its name.
  redis.Set("k:12", Blob{"v3", 0}, SetOptions{}, [](RedisReply&&) {});
  sim.Run();
  CHECK_FALSE(redis.GetsById());
  CHECK(GetNow(sim, redis, 2, "k:12") == "v3");  // found by name, and linked to id 2 from now on
  CHECK(redis.GetsById());
  CHECK(GetNow(sim, redis, 2, "") == "v3");

  // Deleted by name: gone for the GET by id too.
  redis.Del("k:12", [](RedisReply&&) {});
  sim.Run();
  REQUIRE(redis.GetsById());
  CHECK(GetNow(sim, redis, 2, "") == "(nil)");
}

TEST_CASE("GetsById is false with a random round trip: a command runs later, when keys may have changed") {
  Simulator sim;
  SimRedisConfig c;
  REQUIRE(Distribution::Parse("150us+exp(50us)", Distribution::Unit::kDuration, &c.rtt).empty());
  SimRedis redis(sim, c, 1);
  CHECK_FALSE(redis.GetsById());
}

// The direct commands (sim/direct_reply.h): a GET by id answered as facts.
// The expectations are hand-written from the values set (the version after
// the 'v', 0 for anything else, a lease for 'L'), and the timing is the fixed
// round trip (200 us) plus the service time (2 us) of SimRedisConfig's defaults.
namespace {

struct DirectGot {
  DirectReply reply;
  SimTime at = -1;
};

DirectGot GetDirectNow(Simulator& sim, SimRedis& redis, uint32_t id) {
  DirectGot got;
  const DirectClient to{[](void* c, uint32_t, const DirectReply& r) {
                          auto* g = static_cast<std::pair<DirectGot*, Simulator*>*>(c);
                          g->first->reply = r;
                          g->first->at = g->second->Now();
                        },
                        nullptr};
  std::pair<DirectGot*, Simulator*> ctx{&got, &sim};
  DirectClient bound = to;
  bound.context = &ctx;
  SimRedis* direct = redis.Direct();
  REQUIRE(direct == &redis);
  SimTime sent = sim.Now();
  direct->GetDirect(id, bound, 0);
  sim.Run();
  REQUIRE(got.at >= 0);
  CHECK(got.at - sent == 202 * kMicrosecond);
  return got;
}

}  // namespace

TEST_CASE("a direct GET answers the value's version, a lease, a miss or an error, one round trip later") {
  Simulator sim;
  KeyIds ids;
  for (uint64_t k = 10; k <= 17; ++k) REQUIRE(ids.Intern(k) == k - 10);
  SimRedisConfig c;
  SimRedis plain(sim, c, 1);
  CHECK(plain.Direct() == nullptr);  // no key naming: direct commands could not name the keys they create
  c.store.key_naming = KeyNaming{&ids, "k:"};
  SimRedis redis(sim, c, 1);
  auto set = [&](uint32_t id, const std::string& name, const std::string& value, int64_t px = -1) {
    SetOptions o;
    o.expire_ms = px;
    redis.SetById(id, name, Blob{value, 100}, o, [](RedisReply&&) {});
    sim.Run();
  };
  set(0, "k:10", "v123456");      // "v<n>" kept as a number
  set(1, "k:11", "v7");           // three bytes or fewer: kept as bytes
  set(2, "k:12", "L5");           // a lease placeholder
  set(3, "k:13", "v12345678901"); // above 2^30: kept in full elsewhere
  set(4, "k:14", "42");           // no 'v': version 0
  set(6, "k:16", "v9", 1);        // expires 1 ms later

  DirectGot g = GetDirectNow(sim, redis, 0);
  CHECK(g.reply.status == DirectReply::Status::kValue);
  CHECK(g.reply.version == 123456);
  CHECK_FALSE(g.reply.lease);
  CHECK(GetDirectNow(sim, redis, 1).reply.version == 7);
  g = GetDirectNow(sim, redis, 2);
  CHECK(g.reply.status == DirectReply::Status::kValue);
  CHECK(g.reply.lease);
  CHECK(g.reply.version == 0);
  CHECK(GetDirectNow(sim, redis, 3).reply.version == 12345678901u);
  g = GetDirectNow(sim, redis, 4);
  CHECK(g.reply.status == DirectReply::Status::kValue);
  CHECK(g.reply.version == 0);
  CHECK(GetDirectNow(sim, redis, 5).reply.status == DirectReply::Status::kNil);  // never set

  uint64_t hits = redis.store().stats().keyspace_hits, misses = redis.store().stats().keyspace_misses;
  uint64_t expired = redis.store().stats().expired_keys;
  sim.Schedule(2 * kMillisecond, [] {});
  sim.Run();
  CHECK(GetDirectNow(sim, redis, 6).reply.status == DirectReply::Status::kNil);  // expired lazily, as GET does
  CHECK(redis.store().stats().expired_keys == expired + 1);
  CHECK(redis.store().stats().keyspace_misses == misses + 1);
  CHECK(redis.store().stats().keyspace_hits == hits);

  // A set made by name is not linked to an id: no direct commands until a GET by id links it.
  redis.Command({"SADD", "k:17", "m"}, [](RedisReply&&) {});
  sim.Run();
  CHECK(redis.Direct() == nullptr);
  CHECK(GetNow(sim, redis, 7, "k:17") == "(nil)");  // WRONGTYPE is an error reply, not a string
  REQUIRE(redis.Direct() == &redis);
  CHECK(GetDirectNow(sim, redis, 7).reply.status == DirectReply::Status::kError);

  redis.set_down(true);
  CHECK(redis.Direct() == nullptr);  // a down node answers through the timeout path
}

TEST_CASE("direct and general replies leave in submission order") {
  Simulator sim;
  KeyIds ids;
  REQUIRE(ids.Intern(10) == 0);
  SimRedisConfig c;
  c.store.key_naming = KeyNaming{&ids, "k:"};
  SimRedis redis(sim, c, 1);
  std::vector<int> order;
  const DirectClient to{[](void* c, uint32_t token, const DirectReply&) {
                          static_cast<std::vector<int>*>(c)->push_back(static_cast<int>(token));
                        },
                        &order};
  redis.GetById(0, "k:10", [&order](RedisReply&&) { order.push_back(1); });
  redis.Direct()->GetDirect(0, to, 2);
  redis.GetById(0, "k:10", [&order](RedisReply&&) { order.push_back(3); });
  redis.Direct()->GetDirect(0, to, 4);
  redis.Direct()->GetDirect(0, to, 5);
  sim.Run();
  CHECK(order == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(redis.commands() == 5);
}

// A direct SET leaves the store as the general SET of "k:<key>" to
// "v<version>" padded to the size does: the expectation is that general
// command (itself checked against a real redis-server by the live tests) run
// on a twin store, plus hand-computed bytes and padding for two values.
TEST_CASE("a direct SET stores what SET k:<key> v<version> stores") {
  Simulator sim;
  KeyIds ids;
  const std::vector<uint64_t> keys = {10, 11, 12, 4294967295u, 4294967296u, 77};
  for (uint64_t k : keys) ids.Intern(k);
  for (const char* policy : {"noeviction", "allkeys-lru"}) {
    SimRedisConfig c;
    c.store.key_naming = KeyNaming{&ids, "k:"};
    c.store.maxmemory_policy = policy;
    c.store.maxmemory = std::string(policy) == "noeviction" ? 0 : 700;  // a few keys: evictions by LRU
    SimRedis general(sim, c, 1), direct(sim, c, 1);
    std::vector<DirectReply::Status> statuses;
    const DirectClient to{[](void* s, uint32_t, const DirectReply& r) {
                            static_cast<std::vector<DirectReply::Status>*>(s)->push_back(r.status);
                          },
                          &statuses};
    std::vector<std::string> replies;
    struct Step {
      uint64_t key, version;
      uint32_t size;
      int64_t px;
      SetOptions::Cond cond;
    };
    using C = SetOptions::Cond;
    const std::vector<Step> steps = {
        {10, 7, 0, -1, C::kAlways},          {11, 99, 3, 5000, C::kAlways},
        {12, 100, 100, -1, C::kAlways},      {10, 123456, 100, 20000, C::kAlways},
        {4294967295u, (1u << 30) - 1, 50, -1, C::kAlways}, {4294967296u, 1u << 30, 50, -1, C::kAlways},
        {77, uint64_t{1} << 40, 0, 1, C::kNx}, {77, 5, 10, -1, C::kNx},
        {13, 5, 10, -1, C::kXx},              {12, 6, 10, -1, C::kXx}};
    for (const Step& s : steps) {
      uint32_t id = ids.Intern(s.key);
      SetOptions o;
      o.expire_ms = s.px;
      o.cond = s.cond;
      general.SetById(id, CacheKey(s.key), VersionedValue(s.version, s.size), o, [&replies](RedisReply&& r) {
        replies.push_back(r.is_error() ? "error" : r.is_nil() ? "nil" : "ok");
      });
      REQUIRE(direct.Direct() == &direct);
      direct.SetDirect(id, s.key, s.version, s.size, o, to, 0);
      sim.Run();
    }
    REQUIRE(statuses.size() == replies.size());
    for (size_t i = 0; i < replies.size(); ++i) {
      using S = DirectReply::Status;
      CHECK(replies[i] == (statuses[i] == S::kOk ? "ok" : statuses[i] == S::kNil ? "nil" : "error"));
    }
    CHECK(direct.store().size() == general.store().size());
    CHECK(direct.store().used_memory() == general.store().used_memory());
    CHECK(direct.store().stats().evicted_keys == general.store().stats().evicted_keys);
    if (c.store.maxmemory) CHECK(general.store().stats().evicted_keys > 0);  // the LRU's hashes were used
    for (uint64_t k : keys) {
      Blob a, b;
      bool in_general = general.store().PeekString(CacheKey(k), ids.Intern(k), &a);
      CHECK(direct.store().PeekString(CacheKey(k), ids.Intern(k), &b) == in_general);
      CHECK(a == b);
      CHECK(direct.store().PeekTtlMs(CacheKey(k), ids.Intern(k)) == general.store().PeekTtlMs(CacheKey(k), ids.Intern(k)));
    }
    if (std::string(policy) == "noeviction") {
      Blob v;
      REQUIRE(direct.store().PeekString("k:10", ids.Intern(10), &v));
      CHECK(v == Blob{"v123456", 93});
      REQUIRE(direct.store().PeekString("k:4294967296", ids.Intern(4294967296u), &v));
      CHECK(v == Blob{"v1073741824", 39});
      REQUIRE(direct.store().PeekString("k:12", ids.Intern(12), &v));  // a 2-byte value: the raw word
      CHECK(v == Blob{"v6", 8});
      CHECK(statuses.back() == DirectReply::Status::kOk);   // XX on a key that exists
      CHECK(statuses[statuses.size() - 2] == DirectReply::Status::kNil);  // XX on k:13, never set
    }
  }
}

// A direct DEL answers as DEL k:<key> does (1: kOk, 0: kNil), and an expired
// key is expired lazily first (DEL of it deletes nothing), as in Redis.
TEST_CASE("a direct DEL deletes by id and replies as DEL does") {
  Simulator sim;
  KeyIds ids;
  REQUIRE(ids.Intern(10) == 0);
  REQUIRE(ids.Intern(11) == 1);
  SimRedisConfig c;
  c.store.key_naming = KeyNaming{&ids, "k:"};
  SimRedis redis(sim, c, 1);
  std::vector<DirectReply::Status> got;
  const DirectClient to{[](void* s, uint32_t, const DirectReply& r) {
                          static_cast<std::vector<DirectReply::Status>*>(s)->push_back(r.status);
                        },
                        &got};
  SetOptions px;
  px.expire_ms = 1;
  redis.SetById(0, "k:10", Blob{"v1", 0}, SetOptions{}, [](RedisReply&&) {});
  redis.SetById(1, "k:11", Blob{"v2", 0}, px, [](RedisReply&&) {});
  sim.Run();
  REQUIRE(redis.store().size() == 2);
  redis.Direct()->DelDirect(0, to, 0);
  redis.Direct()->DelDirect(0, to, 0);
  sim.Run();
  CHECK(got == std::vector<DirectReply::Status>{DirectReply::Status::kOk, DirectReply::Status::kNil});
  CHECK(redis.store().size() == 1);
  CHECK(GetNow(sim, redis, 0, "") == "(nil)");
  sim.Schedule(2 * kMillisecond, [] {});
  sim.Run();
  redis.Direct()->DelDirect(1, to, 0);
  sim.Run();
  CHECK(got.back() == DirectReply::Status::kNil);
  CHECK(redis.store().stats().expired_keys == 1);
  CHECK(redis.store().size() == 0);
}
