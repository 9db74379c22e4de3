// Generated differential test: random commands from a grammar of every
// command and option the simulated store implements (RedisStore::Dispatch),
// with edge values (0, negatives, the int64 and expiry overflow bounds, empty
// strings, bytes >= 0x80, non-canonical integers, wrong types, repeated and
// conflicting options, wrong arity, odd case), run against a private real
// redis-server (Debian 12's 7.0) and the simulated store; the replies must be
// identical. Only what depends on the implementation, not on the semantics,
// is compared loosely: TTL/PTTL within the clocks' offset, SMEMBERS sorted,
// SCAN from cursor 0 as the set of keys a full iteration returns (a SCAN from
// another cursor only as "an array"), and DBSIZE after a full SCAN has
// removed logically expired keys on both sides (real Redis also removes them
// in the background, at times the simulation cannot know).
//
// Positive relative expiries are at least 1000 s (or 10^6 ms) and absolute
// ones are far in the past or the future, so no key's fate depends on which
// millisecond a command ran in.
//
// CI: seed 20261126, 50,000 commands (5,000 in the sanitizer stage). A longer local run:
//   CACHELAB_DIFF_COMMANDS=1000000 CACHELAB_DIFF_SEED=7 build/tests/live_generated_diff_test
#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>
#include <csignal>
#include <functional>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/redis_store.h"
#include "support/redis_server.h"

using namespace cachelab;

namespace {

int64_t WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

class Grammar {
 public:
  explicit Grammar(uint64_t seed) : rng_(seed) {}

  std::vector<std::string> Next() {
    std::vector<std::string> c = Command();
    if (Pick(40) == 0) c[0] = MixCase(c[0]);
    if (Pick(60) == 0) {  // wrong arity: drop or add an argument
      if (c.size() > 1 && Pick(2)) c.pop_back();
      else c.push_back(Key());
    }
    return c;
  }

 private:
  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  template <typename T>
  const T& One(const std::vector<T>& v) { return v[Pick(v.size())]; }
  int64_t Range(int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng_); }

  std::string Key() {
    static const std::vector<std::string> extra = {"", "k\xc3\xa9", "k\x80", "k\xff", "K0", "k[1]", "k*", "k?"};
    if (Pick(6) == 0) return One(extra);
    return "k" + std::to_string(Pick(14));
  }
  std::string Member() {
    static const std::vector<std::string> m = {"", "a", "b", "c", "1", "-1", "\xe2\x82\xac", "\xff"};
    return One(m);
  }
  std::string Value() {
    static const std::vector<std::string> v = {"",     "0",    "1",    "-1",   "01",  "-0",  "+1",  " 1",  "1 ",
                                               "1.5",  "abc",  "\xff\xfe", "9223372036854775807",
                                               "-9223372036854775808", "9223372036854775808", "99999999999999999999"};
    if (Pick(3) == 0) return std::to_string(Range(-1000, 1000));
    if (Pick(8) == 0) return std::string(Pick(100), 'x');
    if (Pick(10) == 0) return std::string(One(std::vector<size_t>{20, 21, 44, 45}), '7');  // encoding edges
    return One(v);
  }
  // A number argument: invalid text, an edge value, or a safe amount.
  std::string Amount(bool ms) {
    static const std::vector<std::string> edge = {
        "0",  "-1", "-0", "01", "+5", "", "abc", "1.5", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "9223372036854775", "9223372036854776", "9223372036854775000", "9223372036854",
        "-9223372036854775"};
    if (Pick(3) == 0) return One(edge);
    if (Pick(4) == 0) return std::to_string(-Range(1, 100000));
    return std::to_string(ms ? Range(1000000, 1000000000) : Range(1000, 1000000));
  }
  // An absolute unix time: far past, far future, or an edge value.
  std::string AbsoluteTime(bool ms) {
    int64_t now = WallMs();
    switch (Pick(4)) {
      case 0: return One(std::vector<std::string>{"1", "1000", "0", "-1", "9223372036854775807", "9223372036854775"});
      case 1: return std::to_string(ms ? now - Range(1000000, 100000000) : now / 1000 - Range(1000, 100000));
      default: return std::to_string(ms ? now + Range(1000000, 1000000000) : now / 1000 + Range(1000, 1000000));
    }
  }
  std::string MixCase(std::string s) {
    for (auto& ch : s)
      if (Pick(2)) ch = static_cast<char>(std::islower(static_cast<unsigned char>(ch)) ? std::toupper(ch) : std::tolower(ch));
    return s;
  }
  std::string Pattern() {
    static const std::vector<std::string> p = {"*",    "",      "k*",      "k?",     "k1*",  "k[0-5]", "k[^0-5]*",
                                               "k[a-\xff]", "k[\x80-\xff]", "k\\*", "*\xa9", "K*",   "k[",     "[",
                                               "k[1-]", "?",   "\\",      "k[]]"};
    return One(p);
  }

  std::vector<std::string> SetCommand() {
    std::vector<std::string> c = {"SET", Key(), Value()};
    size_t options = Pick(4);
    for (size_t i = 0; i < options; ++i) {
      switch (Pick(11)) {
        case 0: c.push_back("NX"); break;
        case 1: c.push_back("XX"); break;
        case 2: c.push_back("GET"); break;
        case 3: c.push_back("KEEPTTL"); break;
        case 4: c.insert(c.end(), {"EX", Amount(false)}); break;
        case 5: c.insert(c.end(), {"PX", Amount(true)}); break;
        case 6: c.insert(c.end(), {"EXAT", AbsoluteTime(false)}); break;
        case 7: c.insert(c.end(), {"PXAT", AbsoluteTime(true)}); break;
        case 8: c.push_back(One(std::vector<std::string>{"EX", "PX", "FOO", "nx", "keepttl", "ex"})); break;
        default: c.insert(c.end(), {"ex", Amount(false)}); break;
      }
    }
    return c;
  }

  std::vector<std::string> ExpireCommand() {
    static const std::vector<std::string> names = {"EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT"};
    std::string name = One(names);
    bool ms = name[0] == 'P', absolute = name.back() == 'T';
    std::vector<std::string> c = {name, Key(), absolute ? AbsoluteTime(ms) : Amount(ms)};
    size_t options = Pick(5) == 0 ? 2 : Pick(2);
    for (size_t i = 0; i < options; ++i) c.push_back(One(std::vector<std::string>{"NX", "XX", "GT", "LT", "gt", "FOO"}));
    return c;
  }

  std::vector<std::string> ScanCommand() {
    static const std::vector<std::string> cursors = {"0", "0", "0", "", "+0", "00", "-0", "abc", " 0", "0 ",
                                                     "18446744073709551616", "-", "5"};
    std::vector<std::string> c = {"SCAN", One(cursors)};
    size_t options = Pick(4);
    for (size_t i = 0; i < options; ++i) {
      switch (Pick(7)) {
        case 0:
        case 1: c.insert(c.end(), {"MATCH", Pattern()}); break;
        case 2: c.insert(c.end(), {"COUNT", One(std::vector<std::string>{"1", "3", "100", "0", "-1", "abc", "01"})}); break;
        case 3:
        case 4: c.insert(c.end(), {"TYPE", One(std::vector<std::string>{"string", "set", "STRING", "Set", "", "hash", "foo"})}); break;
        case 5: c.push_back(One(std::vector<std::string>{"MATCH", "COUNT", "TYPE"})); break;
        default: c.insert(c.end(), {"FOO", "1"}); break;
      }
    }
    return c;
  }

  std::vector<std::string> Command() {
    switch (Pick(30)) {
      case 0:
      case 1: return {"GET", Key()};
      case 2:
        switch (Pick(4)) {
          case 0: return {"TYPE", Key()};
          case 1: return {"STRLEN", Key()};
          default: {  // FREQ: noeviction here, so Redis's "no LFU policy" error (nil for a missing key)
            static const std::vector<std::string> sub = {"ENCODING", "REFCOUNT", "FREQ"};
            return {"OBJECT", One(sub), Key()};
          }
        }
      case 3:
      case 4:
      case 5:
      case 6: return SetCommand();
      case 7: return {"SETEX", Key(), Amount(false), Value()};
      case 8: return {"PSETEX", Key(), Amount(true), Value()};
      case 9: return {Pick(2) ? "DEL" : "UNLINK", Key(), Key()};
      case 10: return {"EXISTS", Key(), Key(), Key()};
      case 11:
      case 12:
      case 13: return ExpireCommand();
      case 14: return {Pick(2) ? "TTL" : "PTTL", Key()};
      case 15: {
        if (Pick(2)) return {"MGET", Key(), Key()};
        std::vector<std::string> c = {Pick(3) ? "MSET" : "MSETNX"};  // 1-3 pairs, a key repeated at times
        for (size_t i = 0, pairs = 1 + Pick(3); i < pairs; ++i) c.insert(c.end(), {Key(), Value()});
        if (Pick(10) == 0) c.pop_back();  // a key without its value
        return c;
      }
      case 16: return {One(std::vector<std::string>{"INCR", "DECR"}), Key()};
      case 17: return {One(std::vector<std::string>{"INCRBY", "DECRBY"}), Key(), Pick(2) ? Value() : Amount(false)};
      case 18: return {"SADD", Key(), Member(), Member()};
      case 19: return {"SREM", Key(), Member()};
      case 20: return {"SMEMBERS", Key()};
      case 21: return {"SCARD", Key()};
      case 22: return {"SISMEMBER", Key(), Member()};
      case 23:
      case 24:
      case 25: return ScanCommand();
      case 26: return {"DBSIZE"};
      case 27: return Pick(2) ? std::vector<std::string>{"PING"} : std::vector<std::string>{"PING", Value()};
      case 28: return Pick(50) == 0 ? std::vector<std::string>{"FLUSHDB", One(std::vector<std::string>{"SYNC", "ASYNC", "x"})}
                                    : std::vector<std::string>{"GET", Key()};
      default: return {One(std::vector<std::string>{"NOSUCH", "SETX"}), Key(), "a"};
    }
  }

  std::mt19937_64 rng_;
};

std::string Join(const std::vector<std::string>& argv) {
  std::string s;
  for (const auto& a : argv) s += (s.empty() ? "'" : " '") + a + "'";
  return s;
}

RedisReply Real(live::RedisConn& conn, const std::vector<std::string>& argv) {
  return conn.Command(std::vector<std::string_view>(argv.begin(), argv.end()));
}

// Every key a full iteration returns, starting with argv (cursor argv[1]).
std::set<std::string> FullScan(const std::function<RedisReply(const std::vector<std::string>&)>& run,
                               std::vector<std::string> argv) {
  std::set<std::string> keys;
  for (int guard = 0; guard < 100000; ++guard) {
    RedisReply r = run(argv);
    REQUIRE(r.type == RedisReply::Type::kArray);
    for (const auto& k : r.elements[1].elements) keys.insert(k.str.Materialize());
    argv[1] = r.elements[0].str.Materialize();
    if (argv[1] == "0") break;
  }
  return keys;
}

// INFO's keyspace_hits and keyspace_misses from a server's reply text.
std::pair<int64_t, int64_t> KeyspaceStats(const std::string& info) {
  auto field = [&](const std::string& name) -> int64_t {
    size_t at = info.find(name + ":");
    REQUIRE(at != std::string::npos);
    return std::strtoll(info.c_str() + at + name.size() + 1, nullptr, 10);
  };
  return {field("keyspace_hits"), field("keyspace_misses")};
}

// Whether an EXPIRE/PEXPIRE carries GT or LT (any case).
bool HasGtOrLt(const std::vector<std::string>& argv) {
  for (size_t k = 3; k < argv.size(); ++k) {
    std::string o = argv[k];
    std::transform(o.begin(), o.end(), o.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (o == "gt" || o == "lt") return true;
  }
  return false;
}

}  // namespace

// CI's sanitizer stage runs a tenth (ASan makes each command ~10x dearer);
// it found a memcpy from a null pointer in the store's string hash.
#ifdef CACHELAB_SANITIZED
constexpr uint64_t kCommands = 5000;
#else
constexpr uint64_t kCommands = 50000;
#endif

using Runner = std::function<RedisReply(const std::vector<std::string>&)>;
using Stats = std::function<std::pair<int64_t, int64_t>()>;  // keyspace hits, misses

// Runs `total` generated commands on both and requires identical replies;
// then the same keyspace hits and misses on both (INFO stats), but for the
// lookups of SCAN ... TYPE: which keys one SCAN call visits depends on the
// table's layout (buckets in Redis, slots here), so its lookups are taken out.
void Compare(const Runner& sim, const Runner& real, uint64_t seed, uint64_t total, const Stats& sim_stats,
             const Stats& real_stats) {
  std::pair<int64_t, int64_t> sim_scans{0, 0}, real_scans{0, 0};
  auto minus = [](std::pair<int64_t, int64_t> a, std::pair<int64_t, int64_t> b) {
    return std::make_pair(a.first - b.first, a.second - b.second);
  };
  Grammar grammar(seed);
  std::map<std::string, int> errors;  // distinct error replies seen: the grammar reaches them
  std::map<RedisReply::Type, int> kinds;
  int loose = 0;
  for (uint64_t i = 0; i < total; ++i) {
    std::vector<std::string> argv = grammar.Next();
    INFO("seed " << seed << ", command " << i << ": " << Join(argv));
    std::string name = argv[0];
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (name == "dbsize" && argv.size() == 1) {
      FullScan(sim, {"SCAN", "0"});
      FullScan(real, {"SCAN", "0"});
    }
    const bool scan = name == "scan";
    std::pair<int64_t, int64_t> sim_before, real_before;
    if (scan) sim_before = sim_stats(), real_before = real_stats();
    RedisReply s = sim(argv), r = real(argv);
    ++kinds[r.type];
    if (r.is_error()) ++errors[r.str.Materialize().substr(0, r.str.Materialize().find(", with args"))];
    if (scan && !s.is_error() && !r.is_error()) {
      REQUIRE(s.type == RedisReply::Type::kArray);
      REQUIRE(r.type == RedisReply::Type::kArray);
      uint64_t cursor = std::strtoull(argv[1].c_str(), nullptr, 10);
      if (cursor == 0) REQUIRE(FullScan(sim, argv) == FullScan(real, argv));
      ++loose;
    }
    if (scan) {
      auto a = minus(sim_stats(), sim_before), b = minus(real_stats(), real_before);
      sim_scans = {sim_scans.first + a.first, sim_scans.second + a.second};
      real_scans = {real_scans.first + b.first, real_scans.second + b.second};
      continue;
    }
    if ((name == "ttl" || name == "pttl") && s.type == RedisReply::Type::kInteger &&
        r.type == RedisReply::Type::kInteger && s.integer >= 0 && r.integer >= 0) {
      // Set and read on two clocks a round trip apart; TTL rounds to seconds.
      REQUIRE(std::abs(s.integer - r.integer) <= (name == "ttl" ? 1 : 250));
      ++loose;
      continue;
    }
    if ((name == "expire" || name == "pexpire") && s.type == RedisReply::Type::kInteger &&
        r.type == RedisReply::Type::kInteger && s.integer != r.integer && HasGtOrLt(argv)) {
      // GT/LT compare now + N with a deadline an earlier relative command set: when both came
      // from the same N, the result depends on whether each server's clock ticked a millisecond
      // in between (seed 7 hit it at command 162,144). EXPIREAT/PEXPIREAT stay exact.
      ++loose;
      continue;
    }
    if (name == "smembers" && r.type == RedisReply::Type::kArray)
      std::sort(r.elements.begin(), r.elements.end(),
                [](const RedisReply& a, const RedisReply& b) { return a.str.Materialize() < b.str.Materialize(); });
    REQUIRE(s.ToString() == r.ToString());
  }
  const auto sim_reads = minus(sim_stats(), sim_scans), real_reads = minus(real_stats(), real_scans);
  CHECK(real_reads.first > static_cast<int64_t>(total / 10));  // the grammar's reads found keys
  CHECK(sim_reads == real_reads);
  std::printf("  keyspace hits / misses outside SCAN: %lld / %lld on both\n", static_cast<long long>(real_reads.first),
              static_cast<long long>(real_reads.second));
  std::printf("  %llu commands (seed %llu), %d compared loosely; %zu distinct error replies:\n",
              static_cast<unsigned long long>(total), static_cast<unsigned long long>(seed), loose, errors.size());
  for (const auto& [e, count] : errors) std::printf("    %6d  %s\n", count, e.c_str());
  if (total >= 50000) {
    // The grammar reached every kind of reply and the error paths the issue named.
    for (auto t : {RedisReply::Type::kNil, RedisReply::Type::kStatus, RedisReply::Type::kInteger,
                   RedisReply::Type::kString, RedisReply::Type::kArray, RedisReply::Type::kError})
      CHECK(kinds[t] > 100);
    for (const char* e : {"ERR invalid expire time in 'set' command", "ERR invalid expire time in 'psetex' command",
                          "ERR invalid expire time in 'expire' command", "ERR invalid cursor", "ERR syntax error",
                          "ERR NX and XX, GT or LT options at the same time are not compatible",
                          "ERR GT and LT options at the same time are not compatible",
                          "ERR value is not an integer or out of range",
                          "WRONGTYPE Operation against a key holding the wrong kind of value"})
      CHECK(errors[e] > 0);
  }
}

TEST_CASE("generated commands get identical replies from the simulated store and redis-server 7.0", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  live::RedisConn conn(server.endpoint(), {});
  REQUIRE(conn.EnsureConnected());
  RedisStore store(RedisConfig{});
  auto sim = [&](const std::vector<std::string>& a) {
    store.SetTime(WallMs() * kMillisecond);
    return store.Dispatch(a);
  };
  // Every read command counted as redis-server counts it (lookupKeyRead*):
  // GET, MGET, SET ... GET, EXISTS, TTL, TYPE, STRLEN and the set reads.
  Compare(
      sim, [&](const std::vector<std::string>& a) { return Real(conn, a); }, EnvOr("CACHELAB_DIFF_SEED", 20261126),
      EnvOr("CACHELAB_DIFF_COMMANDS", kCommands),
      [&] {
        return std::make_pair(static_cast<int64_t>(store.stats().keyspace_hits),
                              static_cast<int64_t>(store.stats().keyspace_misses));
      },
      [&] { return KeyspaceStats(Real(conn, {"INFO", "stats"}).str.Materialize()); });
}

TEST_CASE("cachelab serve answers the generated commands over RESP as redis-server 7.0 does", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  live::RedisConn conn(server.endpoint(), {});
  REQUIRE(conn.EnsureConnected());
  // The simulated Redis as a server, in a child process this test ends.
  int port = testing::FreeLoopbackPort();
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    std::string p = std::to_string(port);
    ::execl(CACHELAB_CLI, CACHELAB_CLI, "serve", "--port", p.c_str(), "--seconds", "300", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  live::RedisConn sim(live::RedisEndpoint{"127.0.0.1", port, 0}, live::ConnOptions{200, 2000, 10, 100, ""});
  for (int i = 0; i < 100 && !sim.EnsureConnected(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  bool up = sim.connected();
  if (up) {
    CHECK(Real(sim, {"PING"}).ToString() == "PONG");
    Compare([&](const std::vector<std::string>& a) { return Real(sim, a); },
            [&](const std::vector<std::string>& a) { return Real(conn, a); }, 20261127, kCommands * 2 / 5,
            [&] { return KeyspaceStats(Real(sim, {"INFO", "stats"}).str.Materialize()); },
            [&] { return KeyspaceStats(Real(conn, {"INFO", "stats"}).str.Materialize()); });
  }
  ::kill(child, SIGTERM);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(up);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
