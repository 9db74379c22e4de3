// `cachelab serve` against a real redis-server 7.0, the same command sequence
// to both: pub/sub (the same confirmations, receiver counts and pushed
// messages: channel subscribers first, then pattern matches), and the
// commands people type at redis-cli (KEYS, FLUSHALL; SHUTDOWN stops it).
#include <catch2/catch.hpp>
#include <algorithm>
#include <csignal>
#include <thread>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "live/reply_convert.h"
#include "support/redis_server.h"

using namespace cachelab;

namespace {

// The replies of one fixed sequence, as text.
std::vector<std::string> Sequence(const live::RedisEndpoint& ep) {
  live::RedisConn sub(ep, live::ConnOptions{500, 2000, 10, 100, ""}), pub(ep, live::ConnOptions{500, 2000, 10, 100, ""});
  REQUIRE(sub.EnsureConnected());
  REQUIRE(pub.EnsureConnected());
  std::vector<std::string> out;
  out.push_back(sub.Command({"PSUBSCRIBE", "news.*"}).ToString());
  out.push_back(sub.Command({"SUBSCRIBE", "news.a"}).ToString());
  out.push_back(pub.Command({"PUBLISH", "news.a", "hi"}).ToString());
  out.push_back(pub.Command({"PUBLISH", "news.b", "\xff"}).ToString());
  out.push_back(pub.Command({"PUBLISH", "other", "x"}).ToString());
  for (int k = 0; k < 3; ++k) {
    live::RawReply r;
    REQUIRE(sub.TryReadPush(&r, 2000) == live::RedisConn::ReadStatus::kReply);
    out.push_back(live::ConvertReply(r.get()).ToString());
  }
  out.push_back(sub.Command({"PUNSUBSCRIBE", "news.*"}).ToString());
  out.push_back(pub.Command({"PUBLISH", "news.b", "y"}).ToString());
  return out;
}

// Key-space commands typed at redis-cli; KEYS' order is the server's, so sorted.
std::vector<std::string> AdminSequence(const live::RedisEndpoint& ep) {
  live::RedisConn c(ep, live::ConnOptions{500, 2000, 10, 100, ""});
  REQUIRE(c.EnsureConnected());
  std::vector<std::string> out;
  for (const auto& argv : std::vector<std::vector<std::string_view>>{{"SET", "a", "1"}, {"SET", "ab", "2"}, {"SADD", "s", "m"}})
    out.push_back(c.Command(argv).ToString());
  for (const char* pattern : {"*", "a*", "[s]", "zz*"}) {
    RedisReply keys = c.Command({"KEYS", pattern});
    std::sort(keys.elements.begin(), keys.elements.end(),
              [](const RedisReply& x, const RedisReply& y) { return x.str.Materialize() < y.str.Materialize(); });
    out.push_back(keys.ToString());
  }
  for (const auto& argv : std::vector<std::vector<std::string_view>>{
           {"KEYS"}, {"FLUSHALL", "foo"}, {"FLUSHALL"}, {"DBSIZE"}, {"SET", "c", "3"}, {"FLUSHALL", "ASYNC"}, {"DBSIZE"}})
    out.push_back(c.Command(argv).ToString());
  return out;
}

// `cachelab serve --port P` in a child process, up and answering.
struct ServeChild {
  int port = testing::FreeLoopbackPort();
  pid_t pid = -1;
  bool up = false;
  explicit ServeChild(std::vector<std::string> extra = {}) {
    pid = ::fork();
    if (pid == 0) {
      std::vector<std::string> args = {CACHELAB_CLI, "serve", "--port", std::to_string(port), "--seconds", "120"};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(CACHELAB_CLI, argv.data());
      ::_exit(127);
    }
    live::RedisConn probe(endpoint(), live::ConnOptions{200, 2000, 10, 100, ""});
    for (int i = 0; i < 100 && !probe.EnsureConnected(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    up = probe.connected();
  }
  live::RedisEndpoint endpoint() const { return {"127.0.0.1", port, 0}; }
  int Stop() {  // the exit status
    int status = 0;
    if (pid > 0) {
      ::kill(pid, SIGTERM);
      ::waitpid(pid, &status, 0);
      pid = -1;
    }
    return status;
  }
  ~ServeChild() { Stop(); }
};

}  // namespace

TEST_CASE("cachelab serve delivers SUBSCRIBE and PSUBSCRIBE messages as redis-server does", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve;
  std::vector<std::string> simulated, real;
  if (serve.up) {
    simulated = Sequence(serve.endpoint());
    real = Sequence(server.endpoint());
  }
  serve.Stop();
  REQUIRE(serve.up);
  CHECK(simulated == real);
  REQUIRE(real.size() == 10);
  CHECK(real[2] == "(integer) 2");  // news.a: its channel subscriber and the pattern
}

TEST_CASE("cachelab serve answers KEYS and FLUSHALL as redis-server does, and stops on SHUTDOWN", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve;
  REQUIRE(serve.up);
  std::vector<std::string> simulated = AdminSequence(serve.endpoint()), real = AdminSequence(server.endpoint());
  CHECK(simulated == real);
  REQUIRE(real.size() == 14);
  CHECK(real[3] == "[\"a\", \"ab\", \"s\"]");
  // SHUTDOWN: no reply, the connection closes, and the process ends by itself with 0.
  live::RedisConn c(serve.endpoint(), live::ConnOptions{500, 2000, 10, 100, ""});
  REQUIRE(c.EnsureConnected());
  c.Command({"SHUTDOWN"});
  int status = -1;
  for (int i = 0; i < 100; ++i) {
    if (::waitpid(serve.pid, &status, WNOHANG) == serve.pid) {
      serve.pid = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  REQUIRE(serve.pid == -1);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

namespace {

// Sends raw bytes on a new connection and returns every byte the server sends
// back until it closes the connection or is quiet for 300 ms ("<closed>" marks a close).
std::string RawExchange(int port, const std::string& bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return "<no connection>";
  }
  timeval tv{0, 300000};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n == 0) out += "<closed>";
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

// Each input on a fresh connection to both servers: the same bytes back.
void CheckSameReplies(int serve_port, int redis_port, const std::vector<std::string>& inputs) {
  for (const auto& in : inputs) {
    INFO("input: " << in);
    CHECK(RawExchange(serve_port, in) == RawExchange(redis_port, in));
  }
}

}  // namespace

// Found by the independent audit: inline commands were split at spaces only (no
// quotes, escapes or tabs), "*abc" was taken as an empty array (no reply), and
// every protocol error read "Protocol error" ahead of the replies to the commands
// before it. The expectation is a real redis-server 7.0 given the same bytes.
TEST_CASE("cachelab serve parses inline commands and reports protocol errors as redis-server does", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve;
  REQUIRE(serve.up);
  CheckSameReplies(serve.port, server.port(), {
      "SET \"q x\" \"a b\"\r\nGET \"q x\"\r\n",                  // double quotes
      "SET e \"a\\x41\\n\\t\\\"z\\q\"\r\nGET e\r\n",              // escapes inside double quotes
      "SET 'it\\'s' 'x\\ny'\r\nGET 'it\\'s'\r\n",                 // single quotes: only \' is an escape
      "SET\tt\tv\r\nGET t\r\nPING\n",                             // tabs split, a bare \n ends a line
      "SET ab\"cd\" v\r\nGET abcd\r\n",                           // a quote opening inside a word
      "  \r\n\r\nPING\r\n",                                       // blank lines are no command
      "PING\r\nSET \"q x\r\nPING\r\n",                            // unbalanced quotes, after a reply
      "SET \"a\"b c\r\n",                                         // closing quote not followed by a space
      "PING\r\n*abc\r\nPING\r\n",                                 // multibulk length not a number
      "*01\r\n$4\r\nPING\r\n",                                    // nor a canonical one
      "*-1\r\n*0\r\nPING\r\n",                                    // zero or negative: nothing to run
      "*1\r\n$abc\r\n",                                           // bulk length not a number
      "*1\r\n$-1\r\n",                                            // negative bulk length
      "*1\r\nPING\r\n",                                           // no '$'
      "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n",  // well formed, an empty value
  });
  serve.Stop();
}

// Found by the independent audit: SELECT answered every argument but "0" with
// "DB index is out of range", where Redis first checks the arity and that the
// index is an integer. (SELECT 1..15 stay refused: serve keeps one database.)
TEST_CASE("cachelab serve answers SELECT's errors as redis-server does", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve;
  REQUIRE(serve.up);
  CheckSameReplies(serve.port, server.port(),
                   {"SELECT\r\n", "SELECT abc\r\n", "SELECT 00\r\n", "SELECT 99999999999\r\n", "SELECT 16\r\n",
                    "SELECT -1\r\n", "SELECT 0 1\r\n", "SELECT 0\r\n"});
  serve.Stop();
}

// Found by the independent audit: SUBSCRIBE, PSUBSCRIBE and PUBLISH with too few
// arguments, and CONFIG GET without a parameter, got "unknown command" instead of
// Redis's arity error; CONFIG GET with several parameters (Redis 7.0) got one too.
TEST_CASE("cachelab serve answers pub/sub and CONFIG GET arity as redis-server does", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve;
  REQUIRE(serve.up);
  CheckSameReplies(serve.port, server.port(),
                   {"SUBSCRIBE\r\n", "PSUBSCRIBE\r\n", "PUBLISH\r\n", "PUBLISH ch\r\n", "PUBLISH ch a b\r\n", "CONFIG GET\r\n",
                    "CONFIG GET appendonly appendonly\r\n", "CONFIG GET maxmemory-policy nosuch\r\n"});
  // Two settings come in the server's dict order (it varies between redis-server starts): both pairs, either order.
  std::string both = RawExchange(serve.port, "CONFIG GET maxmemory appendonly\r\n");
  CHECK((both == "*4\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n$10\r\nappendonly\r\n$2\r\nno\r\n" ||
         both == "*4\r\n$10\r\nappendonly\r\n$2\r\nno\r\n$9\r\nmaxmemory\r\n$1\r\n0\r\n"));
  serve.Stop();
}

// Found by the independent audit: INFO ignored its section arguments (INFO
// keyspace, INFO bogus: every section). Redis 7.0 prints the named sections, a
// blank line between them, nothing for an unknown name.
TEST_CASE("cachelab serve answers INFO with sections as redis-server does", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve;
  REQUIRE(serve.up);
  CheckSameReplies(serve.port, server.port(),
                   {"INFO bogus\r\n", "FLUSHALL\r\nINFO keyspace\r\n", "FLUSHALL\r\nSET a 1\r\nINFO KEYSPACE nosuch\r\n",
                    // keys with a TTL counted in expires= (it said 0); avg_ttl is 0 until an
                    // active expiry cycle has sampled them, on both
                    "FLUSHALL\r\nSET a 1 EX 100\r\nSET b 2\r\nSET c 3 PX 100000\r\nINFO keyspace\r\n"});
  std::string two = RawExchange(serve.port, "INFO keyspace memory\r\n");  // in Redis's section order
  CHECK(two.find("# Memory\r\nused_memory:") != std::string::npos);
  CHECK(two.find("\r\n\r\n# Keyspace\r\ndb0:keys=1,") > two.find("# Memory"));
  CHECK(two.find("# Stats") == std::string::npos);
  serve.Stop();
}

// Found by the independent audit: an integer set's members came in string
// order ("-2 1 10 3 5"); Redis keeps such a set as an intset, in ascending
// numeric order, until a member is no integer or it passes 512 members.
TEST_CASE("cachelab serve lists an integer set in Redis's intset order", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve;
  REQUIRE(serve.up);
  CheckSameReplies(serve.port, server.port(),
                   {"SADD si 5 3 10 1 -2\r\nSMEMBERS si\r\n",
                    "SADD sw 1 70000 -5 9223372036854775807 -9223372036854775808\r\nSMEMBERS sw\r\n",
                    "SADD sz 0 07 -0 +1\r\nSCARD sz\r\n",  // 07, -0, +1 are no integers: a hash table
                    "SADD sr 3 1 2\r\nSREM sr 1\r\nSMEMBERS sr\r\n"});
  serve.Stop();
}

// Found by the independent audit: after FLUSHALL the key table kept its old
// length, so SCAN 0 COUNT 10 over one new key returned cursor 100 and no key;
// Redis starts a fresh table (emptyDb) and returns "0" and the key at once.
TEST_CASE("cachelab serve scans a flushed keyspace as redis-server does", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve;
  REQUIRE(serve.up);
  std::string fill;
  for (int i = 0; i < 6000; ++i) fill += "SET k" + std::to_string(i) + " v\r\n";
  CheckSameReplies(serve.port, server.port(), {fill + "FLUSHALL\r\nSET a 1\r\nSCAN 0 COUNT 10\r\nDBSIZE\r\n"});
  serve.Stop();
}

// OBJECT FREQ, IDLETIME and HELP were refused as "not simulated". Under an LFU
// policy with lfu-log-factor 0 every access raises the counter by one, and with
// lfu-decay-time 0 it never decays (else a wall-clock minute passing between two
// commands on one server and not the other took one off: seen once), so the
// counts are exact on both sides: 5 (LFU_INIT_VAL) after SET, +1 a GET, +1 for
// an overwrite (its lookup touches, the new value keeps the counter); OBJECT
// itself does not touch. The expectation is a real redis-server 7.0 configured
// the same way, given the same bytes.
TEST_CASE("cachelab serve answers OBJECT FREQ, IDLETIME and HELP as redis-server does", "[live]") {
  testing::RedisServer server({"--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lfu", "--lfu-log-factor", "0", "--lfu-decay-time", "0"});
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve({"--maxmemory", "64MiB", "--maxmemory-policy", "allkeys-lfu", "--lfu-log-factor", "0", "--lfu-decay-time", "0"});
  REQUIRE(serve.up);
  CheckSameReplies(serve.port, server.port(),
                   {"SET a 1\r\nOBJECT FREQ a\r\nGET a\r\nGET a\r\nGET a\r\nOBJECT FREQ a\r\nOBJECT FREQ a\r\n",
                    "SET a x\r\nOBJECT FREQ a\r\nMGET a a b\r\nOBJECT FREQ a\r\n",
                    "OBJECT FREQ nokey\r\nOBJECT IDLETIME nokey\r\nOBJECT IDLETIME a\r\n",
                    "OBJECT FREQ\r\nOBJECT FREQ a b\r\nOBJECT IDLETIME\r\nOBJECT HELP x\r\nOBJECT HELP\r\nOBJECT help\r\n",
                    "CONFIG GET lfu-log-factor\r\nCONFIG GET lfu-decay-time\r\n"});
  serve.Stop();
}

// Under an LRU policy the idle time is what IDLETIME reports, FREQ is refused.
// A key just touched is idle 0 s; the LRU clock can tick between the two
// commands (seconds of wall time on both sides), so 0 or 1.
TEST_CASE("cachelab serve answers OBJECT under allkeys-lru as redis-server does", "[live]") {
  testing::RedisServer server({"--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"});
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve({"--maxmemory", "64MiB", "--maxmemory-policy", "allkeys-lru"});
  REQUIRE(serve.up);
  CheckSameReplies(serve.port, server.port(), {"SET a 1\r\nOBJECT FREQ a\r\nOBJECT FREQ nokey\r\n"});
  std::string real = RawExchange(server.port(), "SET b 1\r\nOBJECT IDLETIME b\r\n");
  std::string simulated = RawExchange(serve.port, "SET b 1\r\nOBJECT IDLETIME b\r\n");
  CHECK((real == "+OK\r\n:0\r\n" || real == "+OK\r\n:1\r\n"));
  CHECK((simulated == "+OK\r\n:0\r\n" || simulated == "+OK\r\n:1\r\n"));  // serve's clock is the wall's too
  serve.Stop();
}

// Redis keeps the access data without maxmemory too, and serve does as well:
// IDLETIME under the default noeviction, FREQ under allkeys-lfu without a limit
// (non-integer values: Redis shares the objects of integers 0..9999 there, and
// with them one stamp).
TEST_CASE("cachelab serve answers OBJECT IDLETIME and FREQ without maxmemory as redis-server does", "[live]") {
  testing::RedisServer server({"--maxmemory-policy", "allkeys-lfu", "--lfu-log-factor", "0", "--lfu-decay-time", "0"});
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve({"--maxmemory-policy", "allkeys-lfu", "--lfu-log-factor", "0", "--lfu-decay-time", "0"});
  REQUIRE(serve.up);
  CheckSameReplies(serve.port, server.port(),
                   {"SET a x\r\nGET a\r\nGET a\r\nOBJECT FREQ a\r\nOBJECT IDLETIME a\r\nOBJECT FREQ nokey\r\n"});
  serve.Stop();
  testing::RedisServer plain;
  REQUIRE_REDIS_SERVER(plain);
  ServeChild defaults;
  REQUIRE(defaults.up);
  for (int port : {plain.port(), defaults.port}) {
    std::string r = RawExchange(port, "SET b x\r\nOBJECT IDLETIME b\r\n");
    INFO("port " << port << ": " << r);
    CHECK((r == "+OK\r\n:0\r\n" || r == "+OK\r\n:1\r\n"));
  }
  defaults.Stop();
}

// SPOP and SRANDMEMBER were unknown commands (redis-benchmark's default list
// has SPOP). Their picks are random on both sides, so the bytes are compared
// where they do not depend on the pick (errors, arity, the argument checks'
// order, empty and one-member sets, nil), and a pick of the whole set as a
// sorted set of members; keyspace hits count SRANDMEMBER, not SPOP (a write
// lookup), as on the real server.
TEST_CASE("cachelab serve answers SPOP and SRANDMEMBER as redis-server does", "[live]") {
  testing::RedisServer server;
  REQUIRE_REDIS_SERVER(server);
  ServeChild serve;
  REQUIRE(serve.up);
  CheckSameReplies(serve.port, server.port(),
                   {"SPOP s\r\nSPOP s 2\r\nSPOP s -1\r\nSPOP s abc\r\nSPOP s 1 2\r\nSPOP\r\nSPOP nokey 0\r\n",
                    "SET str x\r\nSPOP str\r\nSPOP str 1\r\nSPOP str 0\r\nSRANDMEMBER str\r\nSRANDMEMBER str 0\r\n",
                    "SADD s a\r\nSPOP s 0\r\nSPOP s 5\r\nEXISTS s\r\nSRANDMEMBER s\r\nSRANDMEMBER s 3\r\n",
                    "SADD s a\r\nSRANDMEMBER s -3\r\nSRANDMEMBER s 0\r\nSRANDMEMBER s abc\r\nSRANDMEMBER s 1 2\r\n"
                    "SRANDMEMBER s -9223372036854775808\r\nSPOP s 9223372036854775807\r\nSPOP s\r\n",
                    "SADD s a\r\nSPOP s\r\nEXISTS s\r\n"});
  auto members = [](int port, const char* command) {
    live::RedisConn c(live::RedisEndpoint{"127.0.0.1", port, 0}, live::ConnOptions{500, 2000, 10, 100, ""});
    REQUIRE(c.EnsureConnected());
    c.Command({"DEL", "t"});
    c.Command({"SADD", "t", "1", "2", "3", "x"});
    std::vector<std::string_view> argv = {command, "t", "10"};
    RedisReply r = c.Command(argv);
    std::vector<std::string> out;
    for (const auto& m : r.elements) out.push_back(m.str.Materialize());
    std::sort(out.begin(), out.end());
    out.push_back(c.Command({"EXISTS", "t"}).ToString());
    return out;
  };
  CHECK(members(serve.port, "SPOP") == members(server.port(), "SPOP"));
  CHECK(members(serve.port, "SRANDMEMBER") == members(server.port(), "SRANDMEMBER"));
  auto hits = [](int port) {
    std::string info = RawExchange(port, "FLUSHALL\r\nSADD s a b\r\nSPOP s\r\nSPOP nokey\r\nSRANDMEMBER s\r\n"
                                         "SRANDMEMBER nokey\r\nSRANDMEMBER s 2\r\nINFO stats\r\n");
    auto field = [&](const std::string& name) {
      size_t at = info.find(name + ":");
      return at == std::string::npos ? std::string("none") : info.substr(at, info.find('\r', at) - at);
    };
    return field("keyspace_hits") + " " + field("keyspace_misses");
  };
  std::string before_serve = hits(serve.port), before_real = hits(server.port());  // counters are cumulative:
  std::string after_serve = hits(serve.port), after_real = hits(server.port());    // compare both rounds
  CHECK(before_serve == before_real);
  CHECK(after_serve == after_real);
  serve.Stop();
}
