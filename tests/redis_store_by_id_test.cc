// The simulated Redis addressed by dense key id (sim/key_ids.h): GET/SET/DEL,
// PeekTtlMs and PeekString by id, and which names are left to the key naming.
// The expectation is the by-name path itself (tests/redis_store_test.cc holds
// that path's checks against Redis 7.0).
#include <catch2/catch.hpp>

#include "sim/key_ids.h"
#include "sim/redis_store.h"

using namespace cachelab;

// The dense-id path (Get/Set/Del with a key id, sim/key_ids.h) is a faster way
// to find the same key: its expectation is the name path itself. Two stores get
// the same random commands, one by name only, the other by id where a client
// may give one and by name (Dispatch) otherwise, under eviction, lazy and
// active expiry and FLUSHDB; every reply and counter must agree.
TEST_CASE("GET/SET/DEL by key id answer exactly as by name") {
  for (const char* policy : {"allkeys-lru", "allkeys-random", "noeviction"}) {
    RedisConfig c;
    c.maxmemory = 2500;
    c.maxmemory_policy = policy;
    // by_named: keys 0-29 named "k:<id>", which its KeyNaming spells from the
    // id (no name stored), keys 30-39 named otherwise (stored).
    KeyIds ids;
    for (uint64_t k = 0; k < 40; ++k) REQUIRE(ids.Intern(k) == k);
    RedisConfig cn = c;
    cn.key_naming = {&ids, "k:"};
    RedisStore by_name{c}, by_id{c}, by_named{cn};
    uint64_t x = 88172645463325252ULL;  // xorshift64: a fixed, reproducible command stream
    auto next = [&x] {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      return x;
    };
    for (int step = 0; step < 20000; ++step) {
      SimTime now = static_cast<SimTime>(step) * 3 * kMillisecond;
      by_name.SetTime(now);
      by_id.SetTime(now);
      by_named.SetTime(now);
      uint64_t r = next();
      uint32_t id = static_cast<uint32_t>(r % 40);
      std::string key = (id < 30 ? "k:" : "x:") + std::to_string(id);
      RedisReply a, b, n;
      switch ((r >> 8) % 8) {
        case 0: case 1: case 2: {
          Blob peeked;  // what GET is about to answer, read without its side effects
          by_name.BeginGet();
          by_id.BeginGet();
          by_named.BeginGet();
          bool found = by_id.PeekString(key, id, &peeked);
          a = by_name.Get(key);
          b = by_id.Get(key, id);
          n = by_named.Get(key, id);
          REQUIRE(found == (b.type == RedisReply::Type::kString));
          if (found) REQUIRE(peeked == b.str);
          break;
        }
        case 3: case 4: {
          SetOptions opt;
          if ((r >> 12) % 3 == 0) opt.expire_ms = static_cast<int64_t>((r >> 16) % 200);
          if ((r >> 12) % 5 == 1) opt.cond = SetOptions::Cond::kNx;
          Blob v{"v" + std::to_string(step), static_cast<uint32_t>((r >> 24) % 600)};
          a = by_name.Set(key, v, opt);
          b = by_id.Set(key, id, v, opt);
          n = by_named.Set(key, id, v, opt);
          break;
        }
        case 5:
          a = by_name.Del(key);
          b = by_id.Del(key, id);
          n = by_named.Del(key, id);
          break;
        case 6: {  // by name on both: an id-linked key changed behind the id's back
          std::vector<std::string> argv = (r >> 12) % 2 ? std::vector<std::string>{"DEL", key}
                                                       : std::vector<std::string>{"SET", key, "n", "PX", "50"};
          a = by_name.Dispatch(argv);
          b = by_id.Dispatch(argv);
          n = by_named.Dispatch(argv);
          break;
        }
        case 7:
          if ((r >> 12) % 50 == 0) {
            a = by_name.FlushDb();
            b = by_id.FlushDb();
            n = by_named.FlushDb();
          } else if ((r >> 12) % 50 == 1) {  // names back, spelled or stored, in slot order
            a = by_name.Dispatch({"SCAN", "0", "COUNT", "100"});
            b = by_id.Dispatch({"SCAN", "0", "COUNT", "100"});
            n = by_named.Dispatch({"SCAN", "0", "COUNT", "100"});
            auto names = [](const RedisReply& scan) {
              std::vector<std::string> out;
              for (const RedisReply& k : scan.elements.at(1).elements) out.push_back(k.str.data);
              return out;
            };
            REQUIRE(names(a) == names(b));
            REQUIRE(names(a) == names(n));
          } else {
            by_name.ActiveExpireCycle();
            by_id.ActiveExpireCycle();
            by_named.ActiveExpireCycle();
          }
          break;
      }
      INFO(policy << " step " << step << " key " << key);
      REQUIRE(a.type == b.type);
      REQUIRE(a.str.data == b.str.data);
      REQUIRE(a.str.pad == b.str.pad);
      REQUIRE(a.integer == b.integer);
      REQUIRE(by_name.size() == by_id.size());
      REQUIRE(by_name.used_memory() == by_id.used_memory());
      REQUIRE((n.type == b.type && n.str == b.str && n.integer == b.integer));
      REQUIRE(by_named.size() == by_id.size());
      REQUIRE(by_named.used_memory() == by_id.used_memory());
      REQUIRE(by_named.stats().evicted_keys == by_id.stats().evicted_keys);
      REQUIRE(by_named.PeekTtlMs(key, id) == by_id.PeekTtlMs(key, id));
      REQUIRE(by_name.stats().evicted_keys == by_id.stats().evicted_keys);
      REQUIRE(by_name.stats().expired_keys == by_id.stats().expired_keys);
      REQUIRE(by_name.stats().keyspace_hits == by_id.stats().keyspace_hits);
      REQUIRE(by_name.PeekTtlMs(key) == by_id.PeekTtlMs(key, id));
    }
    // The stream did exercise what it is meant to.
    CHECK(by_id.stats().expired_keys > 100);
    if (std::string(policy) != "noeviction") CHECK(by_id.stats().evicted_keys > 100);
  }
}

// Two keys set by id at t = 0: k:1 with a 100 ms TTL and value (v1, v1_version),
// k:2 without TTL.
static void SetTwoById(RedisStore& s, uint32_t v1_version) {
  s.SetTime(0);
  SetOptions px;
  px.expire_ms = 100;
  s.Set("k:1", 1, Blob{"v1", v1_version}, px);
  s.Set("k:2", 2, Blob{"v2", 0}, SetOptions{});
}

// Keys only ever given with their ids: PeekTtlMs by id answers without a
// lookup by name (expectations by hand: a 100 ms TTL set at t = 0).
TEST_CASE("PeekTtlMs by key id, every key created by id") {
  RedisStore s{RedisConfig{}};
  SetTwoById(s, 0);
  s.SetTime(40 * kMillisecond);
  CHECK(s.PeekTtlMs("k:1", 1) == 60);
  CHECK(s.PeekTtlMs("k:2", 2) == -1);
  CHECK(s.PeekTtlMs("k:3", 3) == -2);  // never set
  CHECK(s.PeekTtlMs("k:3", 1000000) == -2);  // an id beyond any row
  s.SetTime(101 * kMillisecond);
  CHECK(s.PeekTtlMs("k:1", 1) == -2);  // past its deadline
  s.Del("k:2", 2);
  CHECK(s.PeekTtlMs("k:2", 2) == -2);
  // By name, the same answers.
  CHECK(s.PeekTtlMs("k:1") == -2);
  CHECK(s.PeekTtlMs("k:2") == -2);
}

// PeekString reads a value as GET would, without GET's side effects
// (expectations by hand: a 100 ms TTL set at t = 0).
TEST_CASE("PeekString by key id: GET's value, no lazy expiry, no hit counted") {
  RedisStore s{RedisConfig{}};
  SetTwoById(s, 7);
  s.SAdd("k:3", {"m"});  // by name: a set, not a string
  CHECK(s.unlinked_keys() == 1);
  Blob v;
  CHECK(s.PeekString("k:1", 1, &v));
  CHECK(v == Blob{"v1", 7});
  CHECK(!s.PeekString("k:3", 3, &v));  // not a string (found by name: k:3 is unlinked)
  CHECK(!s.PeekString("k:4", 4, &v));  // never set
  s.SetTime(101 * kMillisecond);
  CHECK(!s.PeekString("k:1", 1, &v));  // past its deadline
  CHECK(s.PeekString("k:2", 2, &v));
  CHECK(v == Blob{"v2", 0});
  CHECK(s.size() == 3);  // k:1 not expired lazily by the peek
  CHECK(s.stats().expired_keys == 0);
  CHECK(s.stats().keyspace_hits == 0);
  CHECK(s.stats().keyspace_misses == 0);
}

// A name is kept only when it is exactly the naming's "k:<key>" for the id
// (compared digit by digit from the end): near misses must keep their own
// names. The expectation is a store without naming, which keeps every name:
// SCAN's names and used_memory (from each name's length) must be the same.
TEST_CASE("only a name spelled exactly as prefix + decimal key is left to the naming") {
  KeyIds ids;
  for (uint64_t k : {0u, 7u, 17u, 1234567u, 4294967295u, 10u, 3u, 70u}) ids.Intern(k);
  RedisConfig cn;
  cn.key_naming = {&ids, "k:"};
  RedisStore plain{RedisConfig{}}, named{cn};
  // (id, name): ids by first touch above, keys 0, 7, 17, 1234567, 2^32 - 1, 10, 3, 70.
  const std::vector<std::pair<uint32_t, std::string>> keys = {
      {0, "k:0"},          {1, "k:07"},  {2, "k:71"},  {3, "k:1234567"}, {4, "k:4294967295"},
      {5, "k:1"},          {6, ":3"},    {7, "K:70"},  // near misses: a leading 0, reversed digits,
  };                                                    // a digit short, no prefix, another prefix
  for (const auto& [id, name] : keys) {
    REQUIRE(plain.Set(name, id, Blob{"v1", 0}, SetOptions{}).is_ok());
    REQUIRE(named.Set(name, id, Blob{"v1", 0}, SetOptions{}).is_ok());
  }
  RedisReply a = plain.Dispatch({"SCAN", "0", "COUNT", "100"}), b = named.Dispatch({"SCAN", "0", "COUNT", "100"});
  std::vector<std::string> names_a, names_b;
  for (const RedisReply& k : a.elements.at(1).elements) names_a.push_back(k.str.data);
  for (const RedisReply& k : b.elements.at(1).elements) names_b.push_back(k.str.data);
  CHECK(names_a.size() == keys.size());
  CHECK(names_a == names_b);
  CHECK(plain.used_memory() == named.used_memory());
  for (const auto& [id, name] : keys) CHECK(named.Get(name, id).str.data == "v1");
}
