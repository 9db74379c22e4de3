#include "live/resp_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <set>
#include <stdexcept>

#include "live/inline_args.h"
#include "sim/glob.h"
#include "sim/redis_int.h"

namespace cachelab::live {
namespace {

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

int64_t WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Reads a "<prefix><integer>\r\n" line at pos; false when incomplete.
bool ReadLine(const std::string& buf, size_t pos, size_t* end, std::string* line) {
  size_t nl = buf.find("\r\n", pos);
  if (nl == std::string::npos) return false;
  *line = buf.substr(pos, nl - pos);
  *end = nl + 2;
  return true;
}

}  // namespace

bool ParseRespCommands(const std::string& buf, size_t* consumed, std::vector<std::vector<std::string>>* out,
                       std::string* error) {
  // Redis's processInlineBuffer / processMultibulkBuffer: the same limits and error texts.
  constexpr size_t kInlineMax = 64 * 1024;   // PROTO_INLINE_MAX_SIZE
  constexpr int64_t kBulkMax = 512LL << 20;  // proto-max-bulk-len's default
  auto fail = [&](const std::string& what) {
    if (error) *error = "Protocol error: " + what;
    return false;
  };
  size_t pos = 0;
  *consumed = 0;
  while (pos < buf.size()) {
    std::string line;
    size_t p;
    if (buf[pos] != '*') {  // inline command: words on one line
      size_t nl = buf.find('\n', pos);
      if (nl == std::string::npos) return buf.size() - pos > kInlineMax ? fail("too big inline request") : true;
      size_t end = nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl;
      auto argv = SplitInlineArgs(std::string_view(buf).substr(pos, end - pos));
      if (!argv) return fail("unbalanced quotes in request");
      if (!argv->empty()) out->push_back(std::move(*argv));
      pos = *consumed = nl + 1;
      continue;
    }
    if (!ReadLine(buf, pos + 1, &p, &line))
      return buf.size() - pos > kInlineMax ? fail("too big mbulk count string") : true;
    int64_t n = 0;
    if (!ParseRedisInt(line, &n) || n > INT32_MAX) return fail("invalid multibulk length");
    std::vector<std::string> argv;
    bool complete = true;
    for (int64_t k = 0; k < n; ++k) {
      if (p >= buf.size()) {
        complete = false;
        break;
      }
      const size_t start = p;
      if (!ReadLine(buf, start + 1, &p, &line)) {
        if (buf.size() - start > kInlineMax) return fail("too big bulk count string");
        complete = false;
        break;
      }
      if (buf[start] != '$') return fail(std::string("expected '$', got '") + buf[start] + "'");
      int64_t len = 0;
      if (!ParseRedisInt(line, &len) || len < 0 || len > kBulkMax) return fail("invalid bulk length");
      if (p + static_cast<size_t>(len) + 2 > buf.size()) {
        complete = false;
        break;
      }
      argv.push_back(buf.substr(p, static_cast<size_t>(len)));
      p += static_cast<size_t>(len) + 2;
    }
    if (!complete) return true;
    if (!argv.empty()) out->push_back(std::move(argv));
    pos = *consumed = p;
  }
  return true;
}

void EncodeResp(const RedisReply& r, std::string* out) {
  switch (r.type) {
    case RedisReply::Type::kNil: *out += "$-1\r\n"; break;
    case RedisReply::Type::kStatus: *out += "+" + r.str.Materialize() + "\r\n"; break;
    case RedisReply::Type::kError: *out += "-" + r.str.Materialize() + "\r\n"; break;
    case RedisReply::Type::kInteger: *out += ":" + std::to_string(r.integer) + "\r\n"; break;
    case RedisReply::Type::kString: {
      std::string s = r.str.Materialize();
      *out += "$" + std::to_string(s.size()) + "\r\n" + s + "\r\n";
      break;
    }
    case RedisReply::Type::kArray:
      *out += "*" + std::to_string(r.elements.size()) + "\r\n";
      for (const auto& e : r.elements) EncodeResp(e, out);
      break;
  }
}

RedisReply RespServer::Execute(const std::vector<std::string>& argv) {
  std::string cmd = Lower(argv[0]);
  if (cmd == "quit") return RedisReply::Ok();
  if (cmd == "select") {  // one database: Redis's arity and integer checks, then only 0 is in range
    int64_t db = 0;
    if (argv.size() != 2) return RedisReply::Error("ERR wrong number of arguments for 'select' command");
    if (!ParseRedisInt(argv[1], &db)) return RedisReply::Error("ERR value is not an integer or out of range");
    if (db < INT32_MIN || db > INT32_MAX)  // getIntFromObjectOrReply's own text (sic)
      return RedisReply::Error("ERR value is out of range, value must between -2147483648 and 2147483647");
    return db == 0 ? RedisReply::Ok() : RedisReply::Error("ERR DB index is out of range");
  }
  if (cmd == "command") return RedisReply::Array({});
  if (cmd == "config" && argv.size() >= 2 && Lower(argv[1]) == "get") {
    if (argv.size() < 3) return RedisReply::Error("ERR wrong number of arguments for 'config|get' command");
    const std::pair<std::string, std::string> settings[] = {
        {"maxmemory", std::to_string(config_.maxmemory)},
        {"maxmemory-policy", config_.maxmemory_policy},
        {"maxmemory-samples", std::to_string(config_.maxmemory_samples)},
        {"lfu-log-factor", std::to_string(config_.lfu_log_factor)},
        {"lfu-decay-time", std::to_string(config_.lfu_decay_time)},
        {"latency-tracking", config_.latency_tracking ? "yes" : "no"},
        {"save", ""},
        {"appendonly", "no"}};
    std::vector<RedisReply> out;
    // Each matching setting once, in this table's order. Redis's order is its dict's and changes with
    // the query (7.0.15: `CONFIG GET *` and a list of names order these differently); clients read pairs.
    for (const auto& [name, value] : settings)
      if (std::any_of(argv.begin() + 2, argv.end(), [&, &n = name](const std::string& p) { return GlobMatch(p, n, true); })) {
        out.push_back(RedisReply::String(name));
        out.push_back(RedisReply::String(value));
      }
    return RedisReply::Array(std::move(out));
  }
  if (cmd == "info") {  // the sections named (any case; none, "default", "all": every one), as Redis 7.0
    const RedisStats& s = store_.stats();
    const std::pair<std::string, std::string> sections[] = {
        {"server", "# Server\r\nredis_version:7.0.15-cachelab-sim\r\n"},
        {"memory", "# Memory\r\nused_memory:" + std::to_string(store_.used_memory()) +
                       "\r\nmaxmemory:" + std::to_string(config_.maxmemory) +
                       "\r\nmaxmemory_policy:" + config_.maxmemory_policy + "\r\n"},
        {"stats", "# Stats\r\nexpired_keys:" + std::to_string(s.expired_keys) +
                      "\r\nevicted_keys:" + std::to_string(s.evicted_keys) +
                      "\r\nkeyspace_hits:" + std::to_string(s.keyspace_hits) +
                      "\r\nkeyspace_misses:" + std::to_string(s.keyspace_misses) + "\r\n"},
        {"keyspace", "# Keyspace\r\n" + (store_.size() ? "db0:keys=" + std::to_string(store_.size()) +
                                                               ",expires=" + std::to_string(store_.expires_count()) +
                                                               ",avg_ttl=" + std::to_string(store_.avg_ttl_ms()) + "\r\n"
                                                         : std::string())}};
    std::set<std::string> wanted;
    for (size_t k = 1; k < argv.size(); ++k) wanted.insert(Lower(argv[k]));
    bool every = wanted.empty() || wanted.count("default") || wanted.count("all") || wanted.count("everything");
    std::string text;
    for (const auto& [name, body] : sections)
      if (every || wanted.count(name)) text += (text.empty() ? "" : "\r\n") + body;
    return RedisReply::String(text);
  }
  if (cmd == "flushall") {  // one database: FLUSHDB with the same options
    std::vector<std::string> flush = argv;
    flush[0] = "FLUSHDB";
    return store_.Dispatch(flush);
  }
  return store_.Dispatch(argv);
}

namespace {

bool Arity(const std::string& name, std::string* out) {
  EncodeResp(RedisReply::Error("ERR wrong number of arguments for '" + name + "' command"), out);
  return true;
}

// SUBSCRIBE, PSUBSCRIBE, UNSUBSCRIBE, PUNSUBSCRIBE and PUBLISH, with Redis's
// replies: a confirmation [kind, name, count] per name, and PUBLISH's count
// of receivers, each pattern match one more (a client can get a message
// twice, as ["message", ...] and ["pmessage", pattern, ...]).
template <typename Client>
bool HandlePubSub(const std::string& name, const std::vector<std::string>& argv, size_t self,
                  std::vector<Client>* clients) {
  Client& c = (*clients)[self];
  auto count = [&] { return static_cast<int64_t>(c.channels.size() + c.patterns.size()); };
  auto confirm = [&](const char* kind, const std::string& what, bool nil) {
    EncodeResp(RedisReply::Array({RedisReply::String(kind), nil ? RedisReply::Nil() : RedisReply::String(what),
                                  RedisReply::Integer(count())}),
               &c.out);
  };
  if (name == "subscribe" || name == "psubscribe") {
    if (argv.size() < 2) return Arity(name, &c.out);
    auto& set = name == "subscribe" ? c.channels : c.patterns;
    for (size_t k = 1; k < argv.size(); ++k) {
      set.insert(argv[k]);
      confirm(name.c_str(), argv[k], false);
    }
    return true;
  }
  if (name == "unsubscribe" || name == "punsubscribe") {
    auto& set = name == "unsubscribe" ? c.channels : c.patterns;
    std::vector<std::string> names(argv.begin() + 1, argv.end());
    if (names.empty()) names.assign(set.begin(), set.end());
    if (names.empty()) confirm(name.c_str(), "", true);
    for (const auto& n : names) {
      set.erase(n);
      confirm(name.c_str(), n, false);
    }
    return true;
  }
  if (name == "publish" && argv.size() != 3) return Arity(name, &c.out);
  if (name == "publish") {
    int64_t receivers = 0;
    for (Client& other : *clients) {
      if (other.channels.count(argv[1])) {
        EncodeResp(RedisReply::Array({RedisReply::String("message"), RedisReply::String(argv[1]),
                                      RedisReply::String(argv[2])}),
                   &other.out);
        ++receivers;
      }
      for (const auto& p : other.patterns)
        if (GlobMatch(p, argv[1])) {
          EncodeResp(RedisReply::Array({RedisReply::String("pmessage"), RedisReply::String(p),
                                        RedisReply::String(argv[1]), RedisReply::String(argv[2])}),
                     &other.out);
          ++receivers;
        }
    }
    EncodeResp(RedisReply::Integer(receivers), &c.out);
    return true;
  }
  return false;
}

}  // namespace

void RespServer::Serve(int port, const std::atomic<bool>& stop) {
  int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listener < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)));
  int one = 1;
  ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // loopback only
  if (::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listener, 128) != 0) {
    std::string why = std::strerror(errno);
    ::close(listener);
    throw std::runtime_error("cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + why);
  }
  struct Client {
    int fd;
    std::string in, out;
    bool closing = false;
    std::set<std::string> channels, patterns;  // SUBSCRIBE / PSUBSCRIBE
  };
  std::vector<Client> clients;
  const int64_t cycle_ms = 1000 / std::max(1, config_.hz);
  int64_t next_cycle = WallMs() + cycle_ms;
  std::vector<pollfd> fds;
  char chunk[16384];
  bool shutdown = false;  // SHUTDOWN: no reply, connections closed, Serve returns
  while (!stop.load() && !shutdown) {
    fds.assign(1, pollfd{listener, POLLIN, 0});
    for (const auto& c : clients) fds.push_back(pollfd{c.fd, static_cast<short>(POLLIN | (c.out.empty() ? 0 : POLLOUT)), 0});
    ::poll(fds.data(), fds.size(), 50);
    int64_t now = WallMs();
    if (now >= next_cycle) {
      store_.SetTime(now * kMillisecond);
      store_.ActiveExpireCycle();
      next_cycle = now + cycle_ms;
    }
    if (fds[0].revents & POLLIN) {
      int fd = ::accept(listener, nullptr, nullptr);
      if (fd >= 0) clients.push_back(Client{fd, {}, {}, false, {}, {}});
    }
    for (size_t i = 1; i < fds.size(); ++i) {
      Client& c = clients[i - 1];
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        ssize_t n = ::read(c.fd, chunk, sizeof chunk);
        if (n <= 0) {
          c.closing = true;
          c.out.clear();
          continue;
        }
        c.in.append(chunk, static_cast<size_t>(n));
        std::vector<std::vector<std::string>> commands;
        size_t used = 0;
        std::string protocol_error;
        bool parsed = ParseRespCommands(c.in, &used, &commands, &protocol_error);
        c.in.erase(0, used);
        for (const auto& argv : commands) {
          store_.SetTime(WallMs() * kMillisecond);
          std::string name = Lower(argv[0]);
          if (name == "shutdown") {
            shutdown = true;
            break;
          }
          if (!HandlePubSub(name, argv, i - 1, &clients)) EncodeResp(Execute(argv), &c.out);
          if (name == "quit") c.closing = true;
        }
        if (!parsed) {  // as Redis: the commands before it run, then the error, then the connection closes
          c.out += "-ERR " + protocol_error + "\r\n";
          c.closing = true;
          c.in.clear();
        }
      }
      if (!c.out.empty()) {
        ssize_t n = ::write(c.fd, c.out.data(), c.out.size());
        if (n > 0) c.out.erase(0, static_cast<size_t>(n));
        else if (n < 0 && errno != EAGAIN) c.closing = true;
      }
    }
    for (auto it = clients.begin(); it != clients.end();) {
      if (it->closing && it->out.empty()) {
        ::close(it->fd);
        it = clients.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& c : clients) ::close(c.fd);
  ::close(listener);
}

}  // namespace cachelab::live
