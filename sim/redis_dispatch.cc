// RedisStore::Dispatch: argv parsing with Redis's error replies, for the
// generic Backend::Command path and the differential test against real Redis.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <charconv>
#include <limits>

#include "sim/redis_store.h"

namespace cachelab {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

RedisReply Arity(const std::string& cmd) {
  return RedisReply::Error("ERR wrong number of arguments for '" + cmd + "' command");
}
// OBJECT HELP as redis-server 7.0.15 prints it (addReplyHelp: status lines).
RedisReply ObjectHelp() {
  static const char* const kLines[] = {
      "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
      "ENCODING <key>",
      "    Return the kind of internal representation used in order to store the value",
      "    associated with a <key>.",
      "FREQ <key>",
      "    Return the access frequency index of the <key>. The returned integer is",
      "    proportional to the logarithm of the recent access frequency of the key.",
      "IDLETIME <key>",
      "    Return the idle time of the <key>, that is the approximated number of",
      "    seconds elapsed since the last access to the key.",
      "REFCOUNT <key>",
      "    Return the number of references of the value associated with the specified",
      "    <key>.",
      "HELP",
      "    Prints this help.",
  };
  std::vector<RedisReply> out;
  for (const char* line : kLines) out.push_back(RedisReply::Status(line));
  return RedisReply::Array(std::move(out));
}
RedisReply NotInt() { return RedisReply::Error("ERR value is not an integer or out of range"); }
RedisReply Syntax() { return RedisReply::Error("ERR syntax error"); }

bool ParseInt(std::string_view s, int64_t* out) { return ParseRedisInt(s, out); }

// parseScanCursorOrReply: strtoull (so "+1", "-1", "007" and "" are cursors),
// but no leading space and no overflow.
bool ParseCursor(const std::string& s, uint64_t* out) {
  if (!s.empty() && std::isspace(static_cast<unsigned char>(s[0]))) return false;
  errno = 0;
  char* end = nullptr;
  *out = std::strtoull(s.c_str(), &end, 10);
  return *end == '\0' && errno != ERANGE;
}

RedisReply InvalidExpire(const std::string& cmd) {
  return RedisReply::Error("ERR invalid expire time in '" + cmd + "' command");
}

// SET's expiry option (setGenericCommand / getExpireMillisecondsOrReply):
// kind is ex, px, exat or pxat; fills opt or returns the error reply.
bool SetExpiry(const std::string& cmd, const std::string& kind, std::string_view text, int64_t now_ms,
               SetOptions* opt, RedisReply* error) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t v;
  if (!ParseRedisInt(text, &v)) {
    *error = NotInt();
    return false;
  }
  bool seconds = kind == "ex" || kind == "exat";
  if (v <= 0 || (seconds && v > kMax / 1000)) {
    *error = InvalidExpire(cmd);
    return false;
  }
  int64_t ms = seconds ? v * 1000 : v;
  if (kind == "exat" || kind == "pxat") {
    opt->expire_at_ms = ms;
    return true;
  }
  if (ms > kMax - now_ms) {
    *error = InvalidExpire(cmd);
    return false;
  }
  opt->expire_ms = ms;
  return true;
}

std::vector<std::string_view> Views(const std::vector<std::string>& argv, size_t from) {
  return std::vector<std::string_view>(argv.begin() + static_cast<long>(from), argv.end());
}

// Redis's command table arity: n exactly, or at least -n when negative.
int ArityOf(const std::string& cmd) {
  static const std::pair<const char*, int> kTable[] = {
      {"get", 2},       {"set", -3},     {"setex", 4},   {"psetex", 4},    {"del", -2},       {"unlink", -2},
      {"exists", -2},   {"expire", -3},  {"pexpire", -3}, {"expireat", -3}, {"pexpireat", -3}, {"ttl", 2},
      {"pttl", 2},      {"mget", -2},    {"mset", -3},   {"msetnx", -3},   {"incr", 2},    {"decr", 2},      {"incrby", 3},     {"decrby", 3},
      {"spop", -2},     {"srandmember", -2},
      {"sadd", -3},     {"srem", -3},    {"smembers", 2}, {"scard", 2},    {"sismember", 3},  {"scan", -2},
      {"dbsize", 1},    {"flushdb", -1}, {"ping", -1},     {"keys", 2}};
  for (const auto& [name, arity] : kTable)
    if (cmd == name) return arity;
  return 0;
}

}  // namespace

RedisReply RedisStore::Dispatch(const std::vector<std::string>& argv) {
  if (argv.empty()) return RedisReply::Error("ERR empty command");
  std::string cmd = Lower(argv[0]);
  int arity = ArityOf(cmd);
  if (arity != 0) {
    // A command that passes the arity check runs (call()), and gets its latency histogram.
    bool ok = arity > 0 ? argv.size() == static_cast<size_t>(arity) : argv.size() >= static_cast<size_t>(-arity);
    if (!ok) return Arity(cmd);
    Note(cmd);
  }
  dispatching_ = true;
  RedisReply r = DispatchCommand(cmd, argv);
  dispatching_ = false;
  return r;
}

RedisReply RedisStore::DispatchCommand(const std::string& cmd, const std::vector<std::string>& argv) {
  size_t n = argv.size();
  if (cmd == "get") {
    if (n != 2) return Arity(cmd);
    return Get(argv[1]);
  }
  if (cmd == "set") {
    if (n < 3) return Arity(cmd);
    // parseExtendedStringArgumentsOrReply: every option first (a conflict is
    // a syntax error, repeating one is allowed and the last value wins),
    // then the expiry value, then the command.
    SetOptions opt;
    std::string expire_kind;
    size_t expire_arg = 0;
    for (size_t i = 3; i < n; ++i) {
      std::string o = Lower(argv[i]);
      bool next = i + 1 < n;
      bool ex = expire_kind == "ex", px = expire_kind == "px", exat = expire_kind == "exat",
           pxat = expire_kind == "pxat";
      if (o == "nx" && opt.cond != SetOptions::Cond::kXx) opt.cond = SetOptions::Cond::kNx;
      else if (o == "xx" && opt.cond != SetOptions::Cond::kNx) opt.cond = SetOptions::Cond::kXx;
      else if (o == "get") opt.get = true;
      else if (o == "keepttl" && expire_kind.empty()) opt.keep_ttl = true;
      else if (((o == "ex" && !px && !exat && !pxat) || (o == "px" && !ex && !exat && !pxat) ||
                (o == "exat" && !ex && !px && !pxat) || (o == "pxat" && !ex && !px && !exat)) &&
               !opt.keep_ttl && next) {
        expire_kind = o;
        expire_arg = ++i;
      } else {
        return Syntax();
      }
    }
    RedisReply error;
    if (!expire_kind.empty() && !SetExpiry(cmd, expire_kind, argv[expire_arg], now_ms_, &opt, &error)) return error;
    return Set(argv[1], Blob{argv[2], 0}, opt);
  }
  if (cmd == "setex" || cmd == "psetex") {
    if (n != 4) return Arity(cmd);
    SetOptions opt;
    RedisReply error;
    if (!SetExpiry(cmd, cmd == "setex" ? "ex" : "px", argv[2], now_ms_, &opt, &error)) return error;
    return Set(argv[1], Blob{argv[3], 0}, opt);
  }
  if (cmd == "del" || cmd == "unlink") {
    if (n < 2) return Arity(cmd);
    return Del(Views(argv, 1));
  }
  if (cmd == "exists") {
    if (n < 2) return Arity(cmd);
    return Exists(Views(argv, 1));
  }
  if (cmd == "expire" || cmd == "pexpire" || cmd == "expireat" || cmd == "pexpireat") {
    if (n < 3) return Arity(cmd);
    // parseExtendedExpireArgumentsOrReply first, then the amount.
    int flags = 0;
    for (size_t i = 3; i < n; ++i) {
      std::string o = Lower(argv[i]);
      if (o == "nx") flags |= kExpireNx;
      else if (o == "xx") flags |= kExpireXx;
      else if (o == "gt") flags |= kExpireGt;
      else if (o == "lt") flags |= kExpireLt;
      else return RedisReply::Error("ERR Unsupported option " + argv[i]);
    }
    if ((flags & kExpireNx) && (flags & (kExpireXx | kExpireGt | kExpireLt)))
      return RedisReply::Error("ERR NX and XX, GT or LT options at the same time are not compatible");
    if ((flags & kExpireGt) && (flags & kExpireLt))
      return RedisReply::Error("ERR GT and LT options at the same time are not compatible");
    int64_t v;
    if (!ParseInt(argv[2], &v)) return NotInt();
    bool ms = cmd[0] == 'p';
    bool absolute = cmd.size() > 6 && cmd.compare(cmd.size() - 2, 2, "at") == 0;
    return ExpireGeneric(argv[1], v, ms, absolute, flags, cmd.c_str());
  }
  if (cmd == "ttl" || cmd == "pttl") {
    if (n != 2) return Arity(cmd);
    return Ttl(argv[1], cmd == "pttl");
  }
  if (cmd == "mget") {
    if (n < 2) return Arity(cmd);
    return Mget(Views(argv, 1));
  }
  if (cmd == "spop" || cmd == "srandmember") {
    if (n > 3) return Syntax();
    int64_t count = 0;
    if (n == 3) {
      bool is_int = ParseRedisInt(argv[2], &count);
      if (cmd == "spop" && (!is_int || count < 0))  // getPositiveLongFromObjectOrReply
        return RedisReply::Error("ERR value is out of range, must be positive");
      if (!is_int) return NotInt();
      if (count == INT64_MIN)  // -count must fit (srandmemberWithCountCommand)
        return RedisReply::Error(
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
    }
    return cmd == "spop" ? SPop(argv[1], n == 3, count) : SRandMember(argv[1], n == 3, count);
  }
  if (cmd == "mset" || cmd == "msetnx") {  // msetGenericCommand's own check: pairs
    if (n < 3 || n % 2 == 0) return Arity(cmd);
    return Mset(Views(argv, 1), cmd == "msetnx");
  }
  if (cmd == "incr" || cmd == "decr") {
    if (n != 2) return Arity(cmd);
    return IncrBy(argv[1], cmd == "incr" ? 1 : -1);
  }
  if (cmd == "incrby" || cmd == "decrby") {
    if (n != 3) return Arity(cmd);
    int64_t v;
    if (!ParseInt(argv[2], &v)) return NotInt();
    if (cmd == "decrby") {
      if (v == std::numeric_limits<int64_t>::min()) return RedisReply::Error("ERR decrement would overflow");
      v = -v;
    }
    return IncrBy(argv[1], v);
  }
  if (cmd == "sadd" || cmd == "srem") {
    if (n < 3) return Arity(cmd);
    return cmd == "sadd" ? SAdd(argv[1], Views(argv, 2)) : SRem(argv[1], Views(argv, 2));
  }
  if (cmd == "smembers") {
    if (n != 2) return Arity(cmd);
    return SMembers(argv[1]);
  }
  if (cmd == "scard") {
    if (n != 2) return Arity(cmd);
    return SCard(argv[1]);
  }
  if (cmd == "sismember") {
    if (n != 3) return Arity(cmd);
    return SIsMember(argv[1], argv[2]);
  }
  if (cmd == "scan") {
    if (n < 2) return Arity(cmd);
    uint64_t cursor;
    if (!ParseCursor(argv[1], &cursor)) return RedisReply::Error("ERR invalid cursor");
    const std::string *match = nullptr, *type = nullptr;
    int64_t count = 10;
    for (size_t i = 2; i < n; i += 2) {
      if (i + 1 >= n) return Syntax();
      std::string o = Lower(argv[i]);
      if (o == "match") {
        match = argv[i + 1] == "*" ? nullptr : &argv[i + 1];
      } else if (o == "count") {
        if (!ParseInt(argv[i + 1], &count)) return NotInt();
        if (count < 1) return Syntax();
      } else if (o == "type") {
        type = &argv[i + 1];
      } else {
        return Syntax();
      }
    }
    return Scan(cursor, match, count, type);
  }
  if (cmd == "type" || cmd == "strlen") {
    if (n != 2) return Arity(cmd);
    return cmd == "type" ? KeyType(argv[1]) : Strlen(argv[1]);
  }
  if (cmd == "object") {
    if (n < 2) return Arity(cmd);
    std::string sub = Lower(argv[1]);
    if (sub == "encoding" || sub == "refcount" || sub == "freq" || sub == "idletime") {
      if (n != 3) return Arity("object|" + sub);
      if (sub == "encoding") return ObjectEncoding(argv[2]);
      if (sub == "refcount") return ObjectRefcount(argv[2]);
      return sub == "freq" ? ObjectFreq(argv[2]) : ObjectIdletime(argv[2]);
    }
    if (sub == "help") {
      if (n != 2) return Arity("object|help");
      return ObjectHelp();
    }
    return RedisReply::Error("ERR unknown subcommand '" + argv[1] + "'. Try OBJECT HELP.");
  }
  if (cmd == "keys") {
    if (n != 2) return Arity(cmd);
    return Keys(argv[1]);
  }
  if (cmd == "dbsize") {
    if (n != 1) return Arity(cmd);
    return DbSize();
  }
  if (cmd == "flushdb") {
    if (n > 2) return Syntax();
    if (n == 2) {
      std::string o = Lower(argv[1]);
      if (o != "sync" && o != "async") return Syntax();
    }
    return FlushDb();
  }
  if (cmd == "ping") {
    if (n > 2) return Arity(cmd);
    return n == 2 ? RedisReply::String(argv[1]) : RedisReply::Status("PONG");
  }
  std::string args;
  for (size_t i = 1; i < n; ++i) args += "'" + argv[i] + "' ";
  return RedisReply::Error("ERR unknown command '" + argv[0] + "', with args beginning with: " + args);
}

}  // namespace cachelab
