// Differential test: a long seeded random sequence of the commands the lab
// uses runs against the simulated Redis (RedisStore::Dispatch) and a real
// redis-server; every reply must be identical, except TTL/PTTL (within the
// clock's granularity), SMEMBERS (order is unspecified: compared sorted) and
// SCAN (compared as the set of keys a full iteration returns).
#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "sim/redis_store.h"
#include "support/redis_server.h"

using namespace cachelab;

namespace {

const std::string kPrefix = "cachelab:diff:";

int64_t WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}
  std::vector<std::string> Next() {
    std::string k = Key();
    switch (Pick(16)) {
      case 0:
      case 1: return {"GET", k};
      case 2:
      case 3: return SetCommand(k);
      case 4: return {"DEL", k, Key()};
      case 5: return {"EXPIRE", k, std::to_string(Pick(4) - 1)};
      case 6: return {"PEXPIRE", k, std::to_string(Pick(3000) + 1)};
      case 7: return {Pick(2) ? "TTL" : "PTTL", k};
      case 8: return {"MGET", k, Key(), Key()};
      case 9: return {Pick(2) ? "INCR" : "DECR", k};
      case 10: return {"SADD", k, Member(), Member()};
      case 11: return {"SREM", k, Member(), Member()};
      case 12: return {"SMEMBERS", k};
      case 13: return {"SCAN", "0", "MATCH", kPrefix + "k" + std::to_string(Pick(3)) + "*", "COUNT",
                       std::to_string(Pick(20) + 1)};
      case 14: return {"EXISTS", k, Key()};
      default: return Invalid(k);
    }
  }

 private:
  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  std::string Key() { return kPrefix + "k" + std::to_string(Pick(24)); }
  std::string Member() { return "m" + std::to_string(Pick(6)); }
  std::string Value() {
    switch (Pick(4)) {
      case 0: return std::to_string(static_cast<int64_t>(Pick(2000)) - 1000);  // integer-encoded
      case 1: return "v" + std::to_string(Pick(100)) + std::string(Pick(60), '.');  // lab value + padding
      case 2: return "007";  // not a canonical integer
      default: return std::string(Pick(80) + 1, static_cast<char>('a' + Pick(26)));
    }
  }
  std::vector<std::string> SetCommand(const std::string& k) {
    std::vector<std::string> c = {"SET", k, Value()};
    switch (Pick(4)) {
      case 0: c.insert(c.end(), {"EX", std::to_string(Pick(3) + 1)}); break;
      case 1: c.insert(c.end(), {"PX", std::to_string(Pick(2500) + 20)}); break;
      case 2: c.push_back("KEEPTTL"); break;
      default: break;
    }
    if (Pick(3) == 0) c.push_back(Pick(2) ? "NX" : "XX");
    if (Pick(8) == 0) c.push_back("GET");
    return c;
  }
  std::vector<std::string> Invalid(const std::string& k) {
    switch (Pick(8)) {
      case 0: return {"SET", k, "x", "EX", "0"};
      case 1: return {"SET", k, "x", "PX", "-5"};
      case 2: return {"SET", k, "x", "NX", "XX"};
      case 3: return {"SET", k, "x", "EX", "abc"};
      case 4: return {"EXPIRE", k, "1.5"};
      case 5: return {"GET"};
      case 6: return {"INCR", k, "extra"};
      default: return {"SET", k, "x", "EX", "10", "KEEPTTL"};
    }
  }
  std::mt19937_64 rng_;
};

std::string Join(const std::vector<std::string>& argv) {
  std::string s;
  for (const auto& a : argv) s += (s.empty() ? "" : " ") + a;
  return s;
}

std::set<std::string> FullScanSim(RedisStore& store, const std::vector<std::string>& argv) {
  std::set<std::string> keys;
  std::vector<std::string> a = argv;
  do {
    RedisReply r = store.Dispatch(a);
    for (const auto& k : r.elements[1].elements) keys.insert(k.str.Materialize());
    a[1] = r.elements[0].str.data;
  } while (a[1] != "0");
  return keys;
}

std::set<std::string> FullScanReal(live::RedisConn& conn, const std::vector<std::string>& argv) {
  std::set<std::string> keys;
  std::vector<std::string> a = argv;
  do {
    std::vector<std::string_view> v(a.begin(), a.end());
    RedisReply r = conn.Command(v);
    REQUIRE(r.type == RedisReply::Type::kArray);
    for (const auto& k : r.elements[1].elements) keys.insert(k.str.Materialize());
    a[1] = r.elements[0].str.Materialize();
  } while (a[1] != "0");
  return keys;
}

// Sleeps past a deadline that is too close to call: the two servers read
// their clocks a few microseconds apart.
// `margin_ms` grows with the slowest round trip seen, so a loaded machine
// (CI runs tests in parallel) doesn't turn scheduling lag into a mismatch.
void AvoidExpiryBoundary(const RedisStore& store, const std::vector<std::string>& argv, int64_t margin_ms) {
  for (size_t i = 1; i < argv.size(); ++i) {
    int64_t ttl = store.PeekTtlMs(argv[i]);
    if (ttl >= 0 && ttl <= margin_ms) {
      std::this_thread::sleep_for(std::chrono::milliseconds(ttl + 3));
      return;
    }
  }
}

// The smallest TTL (ms) among the arguments that are keys with an expiry, or -1.
int64_t NearestDeadlineMs(const RedisStore& store, const std::vector<std::string>& argv) {
  int64_t nearest = -1;
  for (size_t i = 1; i < argv.size(); ++i) {
    int64_t ttl = store.PeekTtlMs(argv[i]);
    if (ttl >= 0 && (nearest < 0 || ttl < nearest)) nearest = ttl;
  }
  return nearest;
}

}  // namespace

TEST_CASE("simulated and real Redis give identical replies to a long random command sequence", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  live::RedisConn conn(server.endpoint(), {});
  REQUIRE(conn.EnsureConnected());
  RedisStore store(RedisConfig{});
  Generator gen(20240607);
  const int kCommands = 20000;
  int compared = 0, ttl_compared = 0, boundary_skipped = 0;
  int64_t max_rtt_ms = 1;  // slowest real round trip so far (ms, rounded up)
  std::map<RedisReply::Type, int> kinds;  // proves the sequence exercises every kind of reply
  for (int i = 0; i < kCommands; ++i) {
    std::vector<std::string> argv = gen.Next();
    if (i % 2000 == 1999) std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let TTLs run out
    store.SetTime(WallMs() * kMillisecond);
    AvoidExpiryBoundary(store, argv, 5 + 2 * max_rtt_ms);
    store.SetTime(WallMs() * kMillisecond);
    INFO("command " << i << ": " << Join(argv));
    if (argv[0] == "SCAN") {
      REQUIRE(FullScanSim(store, argv) == FullScanReal(conn, argv));
      ++compared;
      continue;
    }
    const int64_t sim_ms = WallMs(), deadline = NearestDeadlineMs(store, argv);
    RedisReply sim = store.Dispatch(argv);
    auto sent = std::chrono::steady_clock::now();
    RedisReply real = conn.Command(std::vector<std::string_view>(argv.begin(), argv.end()));
    int64_t rtt_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - sent).count() + 1;
    max_rtt_ms = std::max(max_rtt_ms, rtt_ms);
    // A descheduled test (a loaded CI machine) can reach the server after a
    // deadline the simulation, reading the clock earlier, had not reached:
    // then the replies may differ and so may the key's state. Such a command
    // is not compared, and its keys are deleted on both sides to re-align them.
    if (deadline >= 0 && deadline <= WallMs() - sim_ms + 2 && sim.ToString() != real.ToString()) {
      for (size_t k = 1; k < argv.size(); ++k) {
        store.Dispatch({"DEL", argv[k]});
        conn.Command(std::vector<std::string_view>{"DEL", argv[k]});
      }
      ++boundary_skipped;
      continue;
    }
    if ((argv[0] == "TTL" || argv[0] == "PTTL") && sim.integer >= 0 && real.integer >= 0) {
      REQUIRE(real.type == RedisReply::Type::kInteger);
      // The two clocks are read up to one round trip apart when the TTL was
      // set and again when it is read.
      REQUIRE(std::abs(sim.integer - real.integer) <= (argv[0] == "TTL" ? 1 : 2 + 2 * max_rtt_ms));
      ++ttl_compared;
      continue;
    }
    if (argv[0] == "SMEMBERS" && real.type == RedisReply::Type::kArray)
      std::sort(real.elements.begin(), real.elements.end(),
                [](const RedisReply& a, const RedisReply& b) { return a.str.Materialize() < b.str.Materialize(); });
    REQUIRE(sim.ToString() == real.ToString());
    ++kinds[real.type];
    ++compared;
  }
  CHECK(compared + ttl_compared + boundary_skipped == kCommands);
  CHECK(boundary_skipped < kCommands / 100);  // a timing artefact, never a habit
  CHECK(ttl_compared > 100);
  for (auto t : {RedisReply::Type::kNil, RedisReply::Type::kStatus, RedisReply::Type::kInteger,
                 RedisReply::Type::kString, RedisReply::Type::kArray, RedisReply::Type::kError})
    CHECK(kinds[t] > 100);
  // Leave nothing behind (the server is private, but the habit matters).
  FullScanReal(conn, {"SCAN", "0", "MATCH", kPrefix + "*"});
}

namespace {

RedisReply Real(live::RedisConn& conn, std::vector<std::string> argv) {
  return conn.Command(std::vector<std::string_view>(argv.begin(), argv.end()));
}

}  // namespace

TEST_CASE("at its deadline millisecond a key is still there, one millisecond later it is gone: real and simulated Redis agree", "[live]") {
  // Redis 7.0 db.c keyIsExpired: `return now > when;` (when = the PEXPIREAT
  // deadline in ms; `now` is the time cached when EXEC started, or the clock).
  // Each probe runs MULTI / EXISTS / TIME / EXEC: TIME is read a few
  // microseconds after the expiry check, so a probe only counts when TIME is
  // at least 300 us into its millisecond (then both read the same ms).
  // Active expiry is off (DEBUG SET-ACTIVE-EXPIRE 0): only the comparison at
  // lookup decides. The store is asked at the same millisecond, with the same
  // deadline. A `>=` rule (gone at the deadline) cannot produce the first kind
  // of probe; a `> deadline + 1` rule cannot produce the second.
  testing::RedisServer server({"--enable-debug-command", "yes"});
  REQUIRE_REDIS_SERVER(server);
  live::RedisConn conn(server.endpoint(), {});
  REQUIRE(conn.EnsureConnected());
  REQUIRE(Real(conn, {"DEBUG", "SET-ACTIVE-EXPIRE", "0"}).is_ok());
  int at_deadline = 0, after_deadline = 0;
  for (int attempt = 0; attempt < 200 && (at_deadline < 3 || after_deadline < 3); ++attempt) {
    std::string key = kPrefix + "deadline" + std::to_string(attempt);
    RedisReply now = Real(conn, {"TIME"});
    REQUIRE(now.elements.size() == 2);
    int64_t deadline = std::stoll(now.elements[0].str.Materialize()) * 1000 +
                       std::stoll(now.elements[1].str.Materialize()) / 1000 + 20;
    REQUIRE(Real(conn, {"SET", key, "v"}).is_ok());
    REQUIRE(Real(conn, {"PEXPIREAT", key, std::to_string(deadline)}).integer == 1);
    RedisStore store(RedisConfig{});
    store.SetTime((deadline - 20) * kMillisecond);
    REQUIRE(store.Dispatch({"SET", key, "v", "PX", "20"}).is_ok());
    for (;;) {
      REQUIRE(Real(conn, {"MULTI"}).is_ok());
      Real(conn, {"EXISTS", key});
      Real(conn, {"TIME"});
      RedisReply r = Real(conn, {"EXEC"});
      REQUIRE(r.elements.size() == 2);
      int64_t exists = r.elements[0].integer;
      int64_t us = std::stoll(r.elements[1].elements[1].str.Materialize());
      int64_t ms = std::stoll(r.elements[1].elements[0].str.Materialize()) * 1000 + us / 1000;
      if (ms > deadline + 1) break;
      if (us % 1000 < 300 || ms < deadline) continue;
      store.SetTime(ms * kMillisecond + (us % 1000) * kMicrosecond);
      INFO("ms " << ms << ", deadline " << deadline);
      CHECK(store.Dispatch({"EXISTS", key}).integer == exists);
      if (ms == deadline) {
        CHECK(exists == 1);
        ++at_deadline;
      } else {
        CHECK(exists == 0);
        ++after_deadline;
      }
    }
  }
  CHECK(at_deadline >= 3);
  CHECK(after_deadline >= 3);
}

namespace {

// A redis-server with active expiry off (DEBUG SET-ACTIVE-EXPIRE 0) beside a
// store that runs none: an expired key goes only when a command deletes it.
struct LazyExpiryPair {
  testing::RedisServer server{{"--enable-debug-command", "yes"}};
  live::RedisConn conn{server.endpoint(), {}};
  RedisStore store{RedisConfig{}};
  bool Start() { return conn.EnsureConnected() && Real(conn, {"DEBUG", "SET-ACTIVE-EXPIRE", "0"}).is_ok(); }
  // The command on both, at the wall clock's time; returns the server's reply
  // and the store's in *sim.
  RedisReply Both(const std::vector<std::string>& argv, RedisReply* sim) {
    store.SetTime(WallMs() * kMillisecond);
    *sim = store.Dispatch(argv);
    return Real(conn, argv);
  }
};

}  // namespace

TEST_CASE("SCAN filters as Redis 7.0 does: the pattern first, TYPE by a counted lookup, then expiry", "[live]") {
  // scanGenericCommand (7.0): a key failing MATCH is skipped before any expiry
  // check, so a logically expired key stays; TYPE reads the key with
  // lookupKeyReadWithFlags (a keyspace hit or miss; an expired key is deleted
  // and typed "none"), and only then does expireIfNeeded drop expired keys.
  // With TYPE none the key just deleted is returned (its expiry check finds no
  // key). Active expiry is off on the server; the store runs none here.
  LazyExpiryPair p;
  REQUIRE_REDIS_SERVER(p.server);
  REQUIRE(p.Start());
  RedisStore& store = p.store;
  live::RedisConn& conn = p.conn;
  auto both = [&](const std::vector<std::string>& argv) {
    RedisReply s, r = p.Both(argv, &s);
    INFO(argv[0] << " " << (argv.size() > 1 ? argv[1] : ""));
    CHECK(s.ToString() == r.ToString());
    return r;
  };
  auto stats = [&] {
    std::string info = Real(conn, {"INFO", "stats"}).str.Materialize();
    auto field = [&](const std::string& name) {
      size_t at = info.find(name + ":");
      REQUIRE(at != std::string::npos);
      return static_cast<uint64_t>(std::strtoull(info.c_str() + at + name.size() + 1, nullptr, 10));
    };
    CHECK(store.stats().keyspace_hits == field("keyspace_hits"));
    CHECK(store.stats().keyspace_misses == field("keyspace_misses"));
    CHECK(store.stats().expired_keys == field("expired_keys"));
    CHECK(store.Dispatch({"DBSIZE"}).integer == Real(conn, {"DBSIZE"}).integer);
  };
  for (const char* k : {"a", "b", "keep"}) both({"SET", k, "1", "PX", "30"});
  both({"SET", "c", "1"});
  both({"SADD", "s", "x"});
  std::this_thread::sleep_for(std::chrono::milliseconds(80));  // a, b and keep expired, none deleted
  stats();
  both({"SCAN", "0", "MATCH", "c*", "COUNT", "100"});  // ["0", ["c"]]: a, b, keep stay
  stats();                                             // DBSIZE 5 on both
  both({"SCAN", "0", "MATCH", "a*", "TYPE", "string", "COUNT", "100"});  // a: a miss, deleted, filtered
  stats();
  both({"SCAN", "0", "MATCH", "b*", "TYPE", "none", "COUNT", "100"});  // b: deleted, and returned
  stats();
  both({"SCAN", "0", "TYPE", "set", "COUNT", "100"});  // c: a hit, s: a hit, keep: a miss
  stats();
  CHECK(store.stats().expired_keys == 3);
  CHECK(store.stats().keyspace_hits == 2);
  CHECK(store.stats().keyspace_misses == 3);
}

TEST_CASE("KEYS leaves expired keys out without deleting them, as Redis 7.0 does", "[live]") {
  // keysCommand (7.0 db.c): each matching key is checked with keyIsExpired and
  // skipped, not deleted (no expireIfNeeded), and no keyspace hit or miss is
  // counted; SCAN, by contrast, deletes them. `cachelab serve` answered KEYS
  // with SCANs and so deleted expired keys. Active expiry is off on the
  // server; the store runs none here. Replies compared sorted (dict order).
  LazyExpiryPair p;
  REQUIRE_REDIS_SERVER(p.server);
  REQUIRE(p.Start());
  RedisStore& store = p.store;
  auto sorted = [](RedisReply r) {
    std::vector<std::string> keys;
    for (const auto& e : r.elements) keys.push_back(e.str.Materialize());
    std::sort(keys.begin(), keys.end());
    return keys;
  };
  auto both = [&](const std::vector<std::string>& argv) {
    RedisReply s, r = p.Both(argv, &s);
    INFO(argv[0] << " " << (argv.size() > 1 ? argv[1] : ""));
    if (argv[0] == "KEYS") CHECK(sorted(s) == sorted(r));
    else CHECK(s.ToString() == r.ToString());
    return r;
  };
  auto expired_keys = [&] {
    std::string info = Real(p.conn, {"INFO", "stats"}).str.Materialize();
    size_t at = info.find("expired_keys:");
    REQUIRE(at != std::string::npos);
    return static_cast<uint64_t>(std::strtoull(info.c_str() + at + 13, nullptr, 10));
  };
  both({"SET", "a", "1", "PX", "30"});
  both({"SET", "ab", "2"});
  both({"SADD", "as", "x"});
  both({"SET", "b", "3", "PX", "100000"});
  std::this_thread::sleep_for(std::chrono::milliseconds(80));  // a expired, not deleted
  CHECK(sorted(both({"KEYS", "a*"})) == std::vector<std::string>{"ab", "as"});
  CHECK(sorted(both({"KEYS", "*"})) == std::vector<std::string>{"ab", "as", "b"});
  CHECK(both({"KEYS", "nothing*"}).elements.empty());
  CHECK(both({"DBSIZE"}).integer == 4);  // a still counted: KEYS deleted nothing
  CHECK(expired_keys() == 0);
  CHECK(store.stats().expired_keys == 0);
  CHECK(store.stats().keyspace_hits + store.stats().keyspace_misses == 0);
  both({"GET", "a"});                     // the lookup deletes it
  CHECK(both({"DBSIZE"}).integer == 3);
  CHECK(expired_keys() == 1);
  CHECK(store.stats().expired_keys == 1);
  CHECK(both({"KEYS"}).is_error());  // arity
}
