// Simulated Redis semantics, each expectation taken from Redis 7.0's
// documented behaviour or source (file and function named where it matters),
// and checked against a real server (Debian 12's redis-server 7.0.15) by
// tests/live_differential_test.cc, including reads at the expiry deadline.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "sim/glob.h"
#include "sim/redis_memory.h"
#include "sim/redis_store.h"

using namespace cachelab;

static RedisReply Cmd(RedisStore& s, std::vector<std::string> argv) { return s.Dispatch(argv); }

TEST_CASE("a key expires strictly after its deadline (now > when, ms resolution)") {
  RedisStore s{RedisConfig{}};
  s.SetTime(0);
  REQUIRE(Cmd(s, {"SET", "k", "v", "PX", "100"}).is_ok());
  s.SetTime(99 * kMillisecond);
  CHECK(Cmd(s, {"GET", "k"}).str.data == "v");
  s.SetTime(100 * kMillisecond + 999 * kMicrosecond);  // still ms 100 == deadline
  CHECK(Cmd(s, {"GET", "k"}).str.data == "v");
  CHECK(Cmd(s, {"PTTL", "k"}).integer == 0);
  s.SetTime(101 * kMillisecond);
  CHECK(Cmd(s, {"GET", "k"}).is_nil());
  CHECK(s.stats().expired_keys == 1);
  CHECK(Cmd(s, {"TTL", "k"}).integer == -2);
}

TEST_CASE("TTL rounds to the nearest second, PTTL is exact, -1 without expiry") {
  RedisStore s{RedisConfig{}};
  s.SetTime(0);
  Cmd(s, {"SET", "k", "v", "EX", "10"});
  s.SetTime(2400 * kMillisecond);
  CHECK(Cmd(s, {"PTTL", "k"}).integer == 7600);
  CHECK(Cmd(s, {"TTL", "k"}).integer == 8);  // (7600 + 500) / 1000
  s.SetTime(2600 * kMillisecond);
  CHECK(Cmd(s, {"TTL", "k"}).integer == 7);
  Cmd(s, {"SET", "p", "v"});
  CHECK(Cmd(s, {"TTL", "p"}).integer == -1);
  // SET without KEEPTTL clears the TTL; with KEEPTTL keeps it.
  Cmd(s, {"SET", "k", "w", "KEEPTTL"});
  CHECK(Cmd(s, {"PTTL", "k"}).integer == 7400);
  Cmd(s, {"SET", "k", "x"});
  CHECK(Cmd(s, {"TTL", "k"}).integer == -1);
}

TEST_CASE("SET NX and XX") {
  RedisStore s{RedisConfig{}};
  CHECK(Cmd(s, {"SET", "k", "1", "XX"}).is_nil());
  CHECK(Cmd(s, {"EXISTS", "k"}).integer == 0);
  CHECK(Cmd(s, {"SET", "k", "1", "NX"}).is_ok());
  CHECK(Cmd(s, {"SET", "k", "2", "NX"}).is_nil());
  CHECK(Cmd(s, {"GET", "k"}).str.data == "1");
  CHECK(Cmd(s, {"SET", "k", "3", "XX"}).is_ok());
  CHECK(Cmd(s, {"GET", "k"}).str.data == "3");
  CHECK(Cmd(s, {"SET", "k", "4", "NX", "XX"}).str.data == "ERR syntax error");
  CHECK(Cmd(s, {"SET", "k", "5", "GET"}).str.data == "3");
  CHECK(Cmd(s, {"SET", "k", "v", "EX", "0"}).str.data == "ERR invalid expire time in 'set' command");
  CHECK(Cmd(s, {"SETEX", "k", "-1", "v"}).str.data == "ERR invalid expire time in 'setex' command");
}

TEST_CASE("EXPIRE on a missing key returns 0; a non-positive EXPIRE deletes") {
  RedisStore s{RedisConfig{}};
  CHECK(Cmd(s, {"EXPIRE", "nope", "10"}).integer == 0);
  Cmd(s, {"SET", "k", "v"});
  CHECK(Cmd(s, {"EXPIRE", "k", "10"}).integer == 1);
  CHECK(Cmd(s, {"TTL", "k"}).integer == 10);
  CHECK(Cmd(s, {"EXPIRE", "k", "0"}).integer == 1);
  CHECK(Cmd(s, {"EXISTS", "k"}).integer == 0);
  CHECK(Cmd(s, {"EXPIRE", "k", "abc"}).str.data == "ERR value is not an integer or out of range");
}

TEST_CASE("INCR, MGET, DEL, type errors") {
  RedisStore s{RedisConfig{}};
  CHECK(Cmd(s, {"INCR", "n"}).integer == 1);
  CHECK(Cmd(s, {"INCRBY", "n", "41"}).integer == 42);
  Cmd(s, {"SET", "s", "abc"});
  CHECK(Cmd(s, {"INCR", "s"}).str.data == "ERR value is not an integer or out of range");
  Cmd(s, {"SET", "big", "9223372036854775807"});
  CHECK(Cmd(s, {"INCR", "big"}).str.data == "ERR increment or decrement would overflow");
  RedisReply m = Cmd(s, {"MGET", "n", "missing", "s"});
  REQUIRE(m.elements.size() == 3);
  CHECK(m.elements[0].str.data == "42");
  CHECK(m.elements[1].is_nil());
  CHECK(Cmd(s, {"SADD", "set", "a", "b", "a"}).integer == 2);
  CHECK(Cmd(s, {"GET", "set"}).str.data.rfind("WRONGTYPE", 0) == 0);
  CHECK(Cmd(s, {"MGET", "set"}).elements[0].is_nil());
  CHECK(Cmd(s, {"DEL", "n", "s", "missing"}).integer == 2);
  CHECK(Cmd(s, {"FOO"}).is_error());
  CHECK(Cmd(s, {"GET"}).str.data == "ERR wrong number of arguments for 'get' command");
}

TEST_CASE("noeviction: writes fail with OOM above maxmemory, reads and deletes work") {
  RedisConfig c;
  c.maxmemory = 2000;
  c.maxmemory_policy = "noeviction";
  RedisStore s{c};
  int ok = 0;
  RedisReply last;
  for (int i = 0; i < 100; ++i) {
    last = Cmd(s, {"SET", "key:" + std::to_string(i), std::string(100, 'x')});
    if (!last.is_ok()) break;
    ++ok;
  }
  CHECK(last.str.data == "OOM command not allowed when used memory > 'maxmemory'.");
  CHECK(ok > 0);
  CHECK(s.used_memory() > c.maxmemory);  // Redis checks before a write, so one write overshoots
  CHECK(Cmd(s, {"GET", "key:0"}).str.data == std::string(100, 'x'));
  CHECK(Cmd(s, {"DEL", "key:0", "key:1", "key:2"}).integer == 3);
  CHECK(s.stats().evicted_keys == 0);
}

TEST_CASE("allkeys-lru with samples >= keys evicts in exact LRU order") {
  RedisConfig c;
  c.maxmemory_policy = "allkeys-lru";
  c.maxmemory_samples = 64;
  RedisStore probe{RedisConfig{}};
  // Size maxmemory to hold exactly 10 of these keys.
  for (int i = 0; i < 10; ++i) probe.Set("k" + std::to_string(i), Blob{std::string(200, 'x'), 0});
  c.maxmemory = probe.used_memory();
  RedisStore s{c};
  SimTime t = 0;
  auto tick = [&] { s.SetTime(t += 2 * kSecond); };  // LRU clock has 1 s resolution in Redis
  for (int i = 0; i < 10; ++i) {
    tick();
    s.Set("k" + std::to_string(i), Blob{std::string(200, 'x'), 0});
  }
  // Touch k0..k4 so k5 becomes the least recently used.
  for (int i = 0; i < 5; ++i) {
    tick();
    s.Get("k" + std::to_string(i));
  }
  std::vector<std::string> evicted_order;
  for (int i = 10; i < 15; ++i) {
    tick();
    s.Set("k" + std::to_string(i), Blob{std::string(200, 'x'), 0});
    tick();
    s.Get("k" + std::to_string(i));  // performEvictions runs before this command
  }
  for (int i = 0; i < 15; ++i)
    if (s.PeekTtlMs("k" + std::to_string(i)) == -2) evicted_order.push_back("k" + std::to_string(i));
  CHECK(evicted_order == std::vector<std::string>{"k5", "k6", "k7", "k8", "k9"});
  CHECK(s.stats().evicted_keys == 5);
}

TEST_CASE("INFO keyspace's expires and avg_ttl: keys with a TTL and activeExpireCycle's running mean") {
  // Redis 7.0 activeExpireCycle: per loop, the mean TTL of the checked keys
  // still alive (ttl > 0); avg_ttl starts at the first mean, then
  // avg_ttl = (avg_ttl / 50) * 49 + mean / 50 in integer ms. Hand-computed:
  // TTLs 10, 20, 30 s at t = 0: mean 20000 -> 20000 (400 * 49 + 400);
  // at t = 5 s: mean 15000 -> 400 * 49 + 300 = 19900.
  RedisStore s{RedisConfig{}};
  s.SetTime(0);
  for (int i = 1; i <= 3; ++i) Cmd(s, {"SET", "t" + std::to_string(i), "v", "EX", std::to_string(10 * i)});
  Cmd(s, {"SET", "p", "v"});
  CHECK(s.expires_count() == 3);
  CHECK(s.avg_ttl_ms() == 0);  // no cycle yet
  s.ActiveExpireCycle();
  CHECK(s.avg_ttl_ms() == 20000);
  s.SetTime(5 * kSecond);
  s.ActiveExpireCycle();
  CHECK(s.avg_ttl_ms() == 19900);
  s.SetTime(10 * kSecond + kMillisecond);  // t1 expired: deleted, and counted in no mean
  s.ActiveExpireCycle();
  CHECK(s.expires_count() == 2);
  CHECK(s.avg_ttl_ms() < 19900);  // means of 9999 and 19999 ms pull it down
  CHECK(s.avg_ttl_ms() > 19900 - 2 * 400);
  Cmd(s, {"FLUSHDB"});
  CHECK(s.expires_count() == 0);
  CHECK(s.avg_ttl_ms() == 0);
}

TEST_CASE("active expiry removes expired keys without access") {
  RedisStore s{RedisConfig{}};
  s.SetTime(0);
  for (int i = 0; i < 1000; ++i) Cmd(s, {"SET", "t" + std::to_string(i), "v", "PX", "50"});
  for (int i = 0; i < 10; ++i) Cmd(s, {"SET", "p" + std::to_string(i), "v"});
  s.SetTime(100 * kMillisecond);
  s.ActiveExpireCycle();
  // The cycle stops once no more than 10% of a sample is expired, so it may
  // leave a few; with every TTL key expired it keeps going to the end.
  CHECK(s.size() == 10);
  CHECK(s.stats().expired_keys == 1000);
}

TEST_CASE("active expiry repeats its 20-key loop only while more than 10% of a sample had expired") {
  // Redis 7.0 expire.c activeExpireCycle: `do { ... sample 20 keys ... } while
  // (sampled == 0 || (expired * 100 / sampled) > config_cycle_acceptable_stale)`
  // with config_cycle_acceptable_stale = ACTIVE_EXPIRE_CYCLE_ACCEPTABLE_STALE (10)
  // at the default active-expire-effort 1.
  // The store walks its TTL table from a cursor; a removed key's place is
  // taken by the last one. Hand-worked for t0..t39 set in order, t0..t2 and
  // t20..t25 expired:
  //   loop 1 checks t0 (gone, t39 moves in), t39, t1 (gone, t38 in), t38,
  //     t2 (gone, t37 in), t37, t3..t16: 20 checks, 3 expired = 15% > 10%: again;
  //   loop 2 checks t17..t19, t20 (gone, t36 in), t36, ..., t25 (gone, t31 in),
  //     t31, t26..t30: 20 checks, 6 expired = 30%: again;
  //   loop 3 wraps to the start and checks 20 live keys: 0% stops.
  // A 25% rule would stop after loop 1 (3 expired keys reaped, not 9).
  // t0..t39 with PX 50 for those `early`, PX 100000 for the rest; one cycle at 100 ms.
  auto cycle = [](bool (*early)(int)) {
    RedisStore s{RedisConfig{}};
    s.SetTime(0);
    for (int i = 0; i < 40; ++i) Cmd(s, {"SET", "t" + std::to_string(i), "v", "PX", early(i) ? "50" : "100000"});
    s.SetTime(100 * kMillisecond);
    s.ActiveExpireCycle();
    return std::make_pair(s.stats().expired_keys, s.size());
  };
  auto [expired, left] = cycle([](int i) { return i <= 2 || (i >= 20 && i <= 25); });
  CHECK(expired == 9);
  CHECK(left == 31);
  // Exactly 10% (2 of 20) stops: the comparison is strict.
  CHECK(cycle([](int i) { return i <= 1 || (i >= 20 && i <= 25); }).first == 2);
}

TEST_CASE("SCAN returns every key present for the whole iteration, and counts visits") {
  RedisStore s{RedisConfig{}};
  for (int i = 0; i < 500; ++i) Cmd(s, {"SET", "user:" + std::to_string(i), "v"});
  for (int i = 0; i < 100; ++i) Cmd(s, {"SET", "post:" + std::to_string(i), "v"});
  std::set<std::string> seen;
  std::string cursor = "0";
  int calls = 0;
  do {
    RedisReply r = Cmd(s, {"SCAN", cursor, "MATCH", "user:1*", "COUNT", "50"});
    cursor = r.elements[0].str.data;
    for (const auto& k : r.elements[1].elements) seen.insert(k.str.data);
    // Deleting during the scan must not make it miss the keys that stay.
    if (calls++ == 2) Cmd(s, {"DEL", "user:3", "post:7"});
  } while (cursor != "0");
  // user:1, user:10-19, user:100-199: 111 keys.
  CHECK(seen.size() == 111);
  CHECK(s.stats().scanned_keys >= 598);
}

TEST_CASE("memory accounting follows jemalloc size classes") {
  CHECK(JemallocSize(1) == 8);
  CHECK(JemallocSize(24) == 32);
  CHECK(JemallocSize(129) == 160);
  CHECK(JemallocSize(1025) == 1280);
  CHECK(JemallocSize(4097) == 5120);
  // "k:1" -> dictEntry 32 + sds type5 (1+3+1 -> 8) ; "hello" embstr 16+3+5+1=25 -> 32.
  CHECK(KeyOverheadMemory(3, false) + StringValueMemory("hello", 5) == 32 + 8 + 32);
  CHECK(StringValueMemory("12345", 5) == 16);  // integer encoding
  RedisStore s{RedisConfig{}};
  uint64_t empty = s.used_memory();
  s.Set("k:1", Blob{"hello", 0});
  CHECK(s.used_memory() - empty == 72 + 32);  // + a 4-bucket table of 8-byte pointers
  s.Del("k:1");
  CHECK(s.used_memory() == empty);
}

// The entry keeps paddings below 2^29 - 1 bytes in 29 bits and larger ones
// apart; its accounted bytes are recomputed, not stored. Expectation: the
// accounting functions above (redis_memory.h) applied by hand to the value.
TEST_CASE("paddings of 2^25 bytes and more keep their size and memory; memory follows overwrites") {
  RedisStore s{RedisConfig{}};
  const uint64_t empty = s.used_memory();
  const uint64_t table = 4 * 8;  // the main dict's 4 buckets, once a key exists
  for (uint32_t pad : {0u, 1u, (1u << 25) - 2, (1u << 25) - 1, 1u << 25, (1u << 29) - 1, 1u << 29, 1u << 30,
                       0xffffffffu}) {
    s.Set("k:big", Blob{"v1", pad});
    RedisReply r = s.Get("k:big");
    REQUIRE(r.type == RedisReply::Type::kString);
    CHECK(r.str.data == "v1");
    CHECK(r.str.pad == pad);
    uint64_t expect = KeyOverheadMemory(5, false) + StringValueMemory(pad ? "" : "v1", 2 + uint64_t{pad});
    CHECK(s.used_memory() - empty == table + expect);
  }
  // A TTL adds its expires entry (and a 4-bucket expires table); DEL gives every byte back.
  SetOptions ex;
  ex.expire_ms = 10000;
  s.Set("k:big", Blob{"v2", 1u << 31}, ex);
  CHECK(s.used_memory() - empty ==
        2 * table + KeyOverheadMemory(5, true) + StringValueMemory("", 2 + (uint64_t{1} << 31)));
  s.Set("k:big", Blob{"12345", 0}, ex);  // an integer now (not a shared one: >= 10000)
  CHECK(s.used_memory() - empty == 2 * table + KeyOverheadMemory(5, true) + 16);
  CHECK(Cmd(s, {"INCRBY", "k:big", "-12340"}).integer == 5);  // shared: no allocation
  CHECK(s.used_memory() - empty == 2 * table + KeyOverheadMemory(5, true) + 0);
  s.Set("k:big", Blob{"v3", 0xfffffff0u}, ex);
  s.Del("k:big");
  CHECK(s.used_memory() == empty);
  // A set replaced by a string and back: each change recounted from the one before.
  CHECK(Cmd(s, {"SADD", "s", "a", "bb"}).integer == 2);
  uint64_t set2 = KeyOverheadMemory(1, false) + kSetObjectMemory + 4 * 8 + SetMemberMemory(1) + SetMemberMemory(2);
  CHECK(s.used_memory() - empty == table + set2);
  CHECK(Cmd(s, {"SREM", "s", "a"}).integer == 1);
  CHECK(s.used_memory() - empty == table + set2 - SetMemberMemory(1));
  s.Set("s", Blob{"x", 1u << 30});
  CHECK(s.used_memory() - empty == table + KeyOverheadMemory(1, false) + StringValueMemory("", 1 + (1u << 30)));
  s.Del("s");
  CHECK(s.used_memory() == empty);
}

TEST_CASE("deadlines at 2^32 ms and beyond (kept beside the entry) expire and report as small ones do") {
  // Expectations from the rule of the first test case (expired when now > deadline, ms),
  // at deadlines either side of the entry's 32-bit field: with the first
  // deadline set at time 0, 2^32 - 3 is the largest in it.
  RedisStore s{RedisConfig{}};
  s.SetTime(0);
  REQUIRE(Cmd(s, {"SET", "first", "v", "PX", "1"}).is_ok());
  const int64_t base = (int64_t{1} << 32) - 5;  // ms
  s.SetTime(base * kMillisecond);
  const int64_t offsets[] = {1, 2, 3, 4, 1000};  // deadlines 2^32 - 4 .. 2^32 + 995
  for (int64_t d : offsets) {
    std::string k = "k" + std::to_string(d);
    REQUIRE(Cmd(s, {"SET", k, "v", "PX", std::to_string(d)}).is_ok());
    CHECK(Cmd(s, {"PTTL", k}).integer == d);
  }
  // PEXPIREAT at a unix time (as a live twin's clients send): far beyond 2^32.
  REQUIRE(Cmd(s, {"SET", "u", "v"}).is_ok());
  CHECK(Cmd(s, {"PEXPIREAT", "u", "1790000000000"}).integer == 1);
  CHECK(Cmd(s, {"PTTL", "u"}).integer == 1790000000000 - base);
  CHECK(Cmd(s, {"PEXPIRE", "u", "2", "LT"}).integer == 1);  // back into the entry, from the side map
  CHECK(Cmd(s, {"PTTL", "u"}).integer == 2);
  for (int64_t d : offsets) {
    s.SetTime((base + d) * kMillisecond);  // at the deadline: still there
    std::string k = "k" + std::to_string(d);
    CHECK(Cmd(s, {"GET", k}).str.data == "v");
    CHECK(Cmd(s, {"PTTL", k}).integer == 0);
    s.SetTime((base + d + 1) * kMillisecond);
    CHECK(Cmd(s, {"GET", k}).is_nil());
  }
  CHECK(Cmd(s, {"GET", "u"}).is_nil());  // its deadline, base + 2, long past
  CHECK(Cmd(s, {"GET", "first"}).is_nil());
  CHECK(s.stats().expired_keys == 7);
  // A slot whose deadline was kept aside, reused by a key without one.
  REQUIRE(Cmd(s, {"SET", "n", "v"}).is_ok());
  CHECK(Cmd(s, {"PTTL", "n"}).integer == -1);
  s.SetTime((base + 5000) * kMillisecond);
  s.ActiveExpireCycle();
  CHECK(Cmd(s, {"GET", "n"}).str.data == "v");
  CHECK(s.size() == 1);

  // A store on unix time (as the RESP server runs), whose clock steps back
  // below its first deadline's time: a deadline before that time is kept aside.
  RedisStore u{RedisConfig{}};
  const int64_t t = 1790000000000;
  u.SetTime(t * kMillisecond);
  REQUIRE(Cmd(u, {"SET", "a", "v", "PX", "100"}).is_ok());
  u.SetTime((t - 1000) * kMillisecond);
  REQUIRE(Cmd(u, {"SET", "b", "v", "PX", "10"}).is_ok());
  CHECK(Cmd(u, {"PTTL", "a"}).integer == 1100);
  CHECK(Cmd(u, {"PTTL", "b"}).integer == 10);
  u.SetTime((t - 990) * kMillisecond);
  CHECK(Cmd(u, {"GET", "b"}).str.data == "v");
  u.SetTime((t - 989) * kMillisecond);
  CHECK(Cmd(u, {"GET", "b"}).is_nil());
  u.SetTime((t + 100) * kMillisecond);
  CHECK(Cmd(u, {"GET", "a"}).str.data == "v");
  u.SetTime((t + 101) * kMillisecond);
  CHECK(Cmd(u, {"GET", "a"}).is_nil());
}

// Each expectation below is redis-server 7.0.15's reply (Debian 12), taken
// with redis-cli on a fresh server at unix time ~1.79e12 ms.
TEST_CASE("the divergences found by differential testing answer as Redis 7.0 does") {
  RedisStore s(RedisConfig{});
  s.SetTime(1795000000000LL * kMillisecond);
  auto str = [&](std::vector<std::string> argv) { return Cmd(s, std::move(argv)).ToString(); };
  // SET: a repeated expiry option is allowed (the last wins); two different ones conflict.
  CHECK(str({"SET", "a", "1", "EX", "10", "EX", "20"}) == "OK");
  CHECK(s.PeekTtlMs("a") == 20000);
  CHECK(str({"SET", "a", "1", "EX", "10", "PX", "10"}) == "(error) ERR syntax error");
  CHECK(str({"SET", "a", "1", "EXAT", "5", "EX", "5"}) == "(error) ERR syntax error");
  // Every option is read before any value: syntax beats a bad number.
  CHECK(str({"SET", "a", "1", "EX", "abc", "NX", "XX"}) == "(error) ERR syntax error");
  CHECK(str({"SET", "a", "1", "EX", "abc", "GET"}) == "(error) ERR value is not an integer or out of range");
  // Absolute expiries.
  CHECK(str({"SET", "a", "1", "PXAT", "1795000060000"}) == "OK");
  CHECK(s.PeekTtlMs("a") == 60000);
  CHECK(str({"SET", "a", "1", "EXAT", "9223372036854775"}) == "OK");
  CHECK(str({"SET", "a", "1", "EXAT", "9223372036854776"}) == "(error) ERR invalid expire time in 'set' command");
  CHECK(str({"SET", "a", "1", "EXAT", "0"}) == "(error) ERR invalid expire time in 'set' command");
  CHECK(str({"SET", "b", "1", "EXAT", "1"}) == "OK");  // in the past: gone at once
  CHECK(str({"EXISTS", "b"}) == "(integer) 0");
  // Overflow at the bounds: a relative expiry may not pass INT64_MAX once the time is added.
  CHECK(str({"PSETEX", "c", "9223372036854770000", "v"}) == "(error) ERR invalid expire time in 'psetex' command");
  CHECK(str({"EXISTS", "c"}) == "(integer) 0");
  CHECK(str({"SET", "c", "1", "EX", "9223372036854775"}) == "(error) ERR invalid expire time in 'set' command");
  CHECK(str({"SETEX", "c", "9223372036854", "v"}) == "OK");
  CHECK(str({"EXPIRE", "c", "9223372036854770"}) == "(error) ERR invalid expire time in 'expire' command");
  CHECK(str({"EXPIRE", "c", "-9223372036854775808"}) == "(error) ERR invalid expire time in 'expire' command");
  CHECK(str({"PEXPIRE", "c", "-9223372036854775808"}) == "(integer) 1");
  // EXPIRE NX/XX/GT/LT; option errors come before the amount is read.
  CHECK(str({"SET", "d", "1"}) == "OK");
  CHECK(str({"EXPIRE", "d", "abc", "NX", "XX"}) ==
        "(error) ERR NX and XX, GT or LT options at the same time are not compatible");
  CHECK(str({"EXPIRE", "d", "10", "GT", "LT"}) == "(error) ERR GT and LT options at the same time are not compatible");
  CHECK(str({"EXPIRE", "d", "10", "FOO"}) == "(error) ERR Unsupported option FOO");
  CHECK(str({"EXPIRE", "d", "0", "XX"}) == "(integer) 0");    // no TTL: XX fails, the key stays
  CHECK(str({"EXPIRE", "d", "100", "GT"}) == "(integer) 0");  // no TTL counts as infinite
  CHECK(str({"EXPIRE", "d", "100", "lt"}) == "(integer) 1");
  CHECK(str({"EXPIRE", "d", "50", "GT"}) == "(integer) 0");
  CHECK(str({"EXPIRE", "d", "200", "GT"}) == "(integer) 1");
  CHECK(str({"EXPIRE", "d", "10", "NX"}) == "(integer) 0");
  CHECK(str({"TTL", "d"}) == "(integer) 200");
  // SCAN: cursors as strtoull reads them; empty MATCH/TYPE match nothing; TYPE ignores case.
  CHECK(str({"SCAN", "abc"}) == "(error) ERR invalid cursor");
  CHECK(str({"SCAN", " 0"}) == "(error) ERR invalid cursor");
  CHECK(str({"SCAN", "18446744073709551616"}) == "(error) ERR invalid cursor");
  CHECK(str({"SCAN", "+0", "MATCH", "d"}) == R"(["0", ["d"]])");
  CHECK(str({"SCAN", "", "MATCH", "d"}) == R"(["0", ["d"]])");
  CHECK(str({"SCAN", "0", "MATCH", ""}) == R"(["0", []])");
  CHECK(str({"SCAN", "0", "MATCH", "d", "TYPE", ""}) == R"(["0", []])");
  CHECK(str({"SCAN", "0", "MATCH", "d", "TYPE", "STRING"}) == R"(["0", ["d"]])");
  // PING echoes its argument.
  CHECK(str({"PING"}) == "PONG");
  CHECK(str({"PING", "hi"}) == "\"hi\"");
  CHECK(str({"PING", "a", "b"}) == "(error) ERR wrong number of arguments for 'ping' command");
}

TEST_CASE("glob ranges read bytes as signed char, as Redis's stringmatchlen does") {
  // redis-cli against 7.0.15: SET "k\xc3" 1; SET kb 1; SCAN 0 MATCH "k[a-\xff]"
  // -> none ([a-\xff] is [-1, 97]: only bytes 0x00-0x61 and 0xff);
  // SCAN 0 MATCH "k[\x80-\xff]" -> k\xc3 (both bounds negative, so the byte fits).
  CHECK_FALSE(GlobMatch("k[a-\xff]", "k\xc3"));
  CHECK_FALSE(GlobMatch("k[a-\xff]", "kb"));
  CHECK(GlobMatch("k[a-\xff]", "ka"));
  CHECK(GlobMatch("k[\x80-\xff]", "k\xc3"));
  CHECK_FALSE(GlobMatch("k[\x80-\xff]", "kb"));
}

TEST_CASE("latency histograms and shared integers count in used_memory as in Redis 7.0") {
  // redis-cli on a fresh 7.0.15: the first GET raises used_memory by 24,688
  // bytes, a second GET by 0; with latency-tracking no, a new command adds 0.
  RedisConfig c;
  c.latency_tracking = true;
  RedisStore s(c);
  uint64_t m0 = s.used_memory();
  Cmd(s, {"GET", "x"});
  CHECK(s.used_memory() - m0 == 24688);
  Cmd(s, {"GET", "y"});
  Cmd(s, {"get", "z"});
  CHECK(s.used_memory() - m0 == 24688);
  Cmd(s, {"GET"});  // an arity error never runs the command: no histogram
  Cmd(s, {"EXISTS", "x"});
  CHECK(s.used_memory() - m0 == 2 * 24688);
  c.latency_tracking = false;
  RedisStore quiet(c);
  uint64_t q0 = quiet.used_memory();
  Cmd(quiet, {"GET", "x"});
  CHECK(quiet.used_memory() == q0);

  // 1,000 keys holding "5": 16,000 bytes more (one robj each) under
  // maxmemory + allkeys-lru than without maxmemory or with allkeys-random,
  // where Redis uses its shared integer objects (measured: 88,824 vs 73,040
  // and 72,856 bytes of growth on 7.0.15).
  auto grow = [](uint64_t maxmemory, const char* policy, const char* value) {
    RedisConfig rc;
    rc.maxmemory = maxmemory;
    rc.maxmemory_policy = policy;
    RedisStore st(rc);
    uint64_t before = st.used_memory();
    for (int i = 0; i < 1000; ++i) st.Set("key" + std::to_string(i), Blob{value, 0});
    return st.used_memory() - before;
  };
  CHECK(grow(1 << 30, "allkeys-lru", "5") - grow(0, "noeviction", "5") == 16000);
  CHECK(grow(1 << 30, "allkeys-random", "5") == grow(0, "noeviction", "5"));
  CHECK(grow(1 << 30, "allkeys-lfu", "9999") - grow(1 << 30, "allkeys-random", "9999") == 16000);
  CHECK(grow(0, "noeviction", "10000") - grow(0, "noeviction", "9999") == 16000);  // 10000 is not shared
}
// Hand-computed from Redis 7.0's object.c and evict.c: OBJECT IDLETIME is the
// LRU clock (whole seconds) less the key's stamp; OBJECT FREQ is LFUDecrAndReturn,
// the counter less one per lfu-decay-time minutes idle, read without storing it.
TEST_CASE("OBJECT IDLETIME and FREQ follow Redis's LRU clock and LFU decay") {
  RedisConfig lru;
  lru.maxmemory = 1 << 20;
  lru.maxmemory_policy = "allkeys-lru";
  RedisStore s{lru};
  s.SetTime(500 * kMillisecond);  // LRU clock 0
  s.Set("a", Blob{"1", 0});
  s.SetTime(7900 * kMillisecond);  // clock 7
  CHECK(s.ObjectIdletime("a").integer == 7);
  CHECK(s.ObjectIdletime("a").integer == 7);  // OBJECT does not touch
  s.Get("a");
  s.SetTime(9000 * kMillisecond);
  CHECK(s.ObjectIdletime("a").integer == 2);
  CHECK(s.ObjectIdletime("nokey").type == RedisReply::Type::kNil);
  CHECK(s.ObjectFreq("a").str.Materialize().starts_with("ERR An LFU maxmemory policy is not selected"));

  RedisConfig lfu = lru;
  lfu.maxmemory_policy = "allkeys-lfu";
  lfu.lfu_log_factor = 0;  // every access counts
  lfu.lfu_decay_time = 2;  // minutes a decrement
  RedisStore f{lfu};
  f.SetTime(0);
  f.Set("a", Blob{"1", 0});
  CHECK(f.ObjectFreq("a").integer == 5);  // LFU_INIT_VAL
  for (int i = 0; i < 4; ++i) f.Get("a");
  CHECK(f.ObjectFreq("a").integer == 9);
  f.SetTime(5 * 60 * kSecond);  // 5 minutes idle: two decay periods
  CHECK(f.ObjectFreq("a").integer == 7);
  CHECK(f.ObjectFreq("a").integer == 7);  // read, not stored
  f.Get("a");  // decays to 7, then +1, stamped at minute 5
  f.SetTime(6 * 60 * kSecond);
  CHECK(f.ObjectFreq("a").integer == 8);
  CHECK(f.ObjectIdletime("a").str.Materialize().starts_with("ERR An LFU maxmemory policy is selected"));

  RedisStore none{RedisConfig{}};  // noeviction: Redis tracks idle time, a simulated run does not
  none.Set("a", Blob{"1", 0});
  CHECK(none.ObjectFreq("a").str.Materialize().starts_with("ERR An LFU maxmemory policy is not selected"));
  CHECK(none.ObjectIdletime("a").str.Materialize().find("not simulated") != std::string::npos);

  RedisConfig tracked;  // as serve: noeviction keeps LRU stamps, and still refuses writes over maxmemory
  tracked.track_access = true;
  RedisStore t{tracked};
  t.SetTime(500 * kMillisecond);
  t.Set("a", Blob{"x", 0});
  t.SetTime(7900 * kMillisecond);
  CHECK(t.ObjectIdletime("a").integer == 7);
  tracked.maxmemory = t.used_memory();
  RedisStore full{tracked};
  full.Set("a", Blob{"x", 0});
  full.Set("b", Blob{std::string(100, 'y'), 0});
  CHECK(full.Set("c", Blob{"z", 0}).type == RedisReply::Type::kError);  // OOM, nothing evicted
  CHECK(full.stats().evicted_keys == 0);
  CHECK(full.PeekTtlMs("a") == -1);
}

// SPOP and SRANDMEMBER pick uniformly (an expectation from probability, not
// from Redis, whose picks follow its dict's layout): 40,000 SRANDMEMBERs of a
// 4-member set give a chi-square (3 degrees of freedom) below 16.27 (p = 0.001);
// SPOP takes every member once and leaves the memory of an empty store.
TEST_CASE("SPOP and SRANDMEMBER pick members uniformly and SPOP frees their memory") {
  RedisStore s{RedisConfig{}};
  const uint64_t empty = s.used_memory();
  s.SAdd("s", {"a", "b", "c", "d"});
  std::map<std::string, int> seen;
  for (int i = 0; i < 40000; ++i) ++seen[s.SRandMember("s", false, 0).str.Materialize()];
  REQUIRE(seen.size() == 4);
  double chi2 = 0;
  for (const auto& [m, n] : seen) chi2 += (n - 10000.0) * (n - 10000.0) / 10000.0;
  CHECK(chi2 < 16.27);
  RedisReply repeats = s.SRandMember("s", true, -10);
  CHECK(repeats.elements.size() == 10);
  RedisReply distinct = s.SRandMember("s", true, 3);
  std::set<std::string> d;
  for (const auto& m : distinct.elements) d.insert(m.str.Materialize());
  CHECK(d.size() == 3);
  std::set<std::string> popped;
  popped.insert(s.SPop("s", false, 0).str.Materialize());
  for (const auto& m : s.SPop("s", true, 2).elements) popped.insert(m.str.Materialize());
  CHECK(s.SCard("s").integer == 1);
  popped.insert(s.SPop("s", true, 5).elements.at(0).str.Materialize());
  CHECK(popped == std::set<std::string>{"a", "b", "c", "d"});
  CHECK(s.used_memory() == empty);
  CHECK(s.PeekTtlMs("s") == -2);  // the emptied set is gone
}
