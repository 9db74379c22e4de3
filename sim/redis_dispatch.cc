// RedisStore::Dispatch: argv parsing with Redis's error replies, for the
// generic Backend::Command path and the differential test against real Redis.
#include <algorithm>
#include <cctype>
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

bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 20) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

RedisReply Arity(const std::string& cmd) {
  return RedisReply::Error("ERR wrong number of arguments for '" + cmd + "' command");
}
RedisReply NotInt() { return RedisReply::Error("ERR value is not an integer or out of range"); }
RedisReply Syntax() { return RedisReply::Error("ERR syntax error"); }

std::vector<std::string_view> Views(const std::vector<std::string>& argv, size_t from) {
  return std::vector<std::string_view>(argv.begin() + static_cast<long>(from), argv.end());
}

}  // namespace

RedisReply RedisStore::Dispatch(const std::vector<std::string>& argv) {
  if (argv.empty()) return RedisReply::Error("ERR empty command");
  std::string cmd = Lower(argv[0]);
  size_t n = argv.size();
  if (cmd == "get") {
    if (n != 2) return Arity(cmd);
    return Get(argv[1]);
  }
  if (cmd == "set") {
    if (n < 3) return Arity(cmd);
    SetOptions opt;
    bool has_expire = false;
    for (size_t i = 3; i < n; ++i) {
      std::string o = Lower(argv[i]);
      if (o == "nx" && opt.cond != SetOptions::Cond::kXx) opt.cond = SetOptions::Cond::kNx;
      else if (o == "xx" && opt.cond != SetOptions::Cond::kNx) opt.cond = SetOptions::Cond::kXx;
      else if (o == "get") opt.get = true;
      else if (o == "keepttl" && !has_expire) opt.keep_ttl = true;
      else if ((o == "ex" || o == "px") && !opt.keep_ttl && !has_expire && i + 1 < n) {
        int64_t v;
        if (!ParseInt(argv[i + 1], &v)) return NotInt();
        bool seconds = o == "ex";
        if (v <= 0 || (seconds && v > std::numeric_limits<int64_t>::max() / 1000))
          return RedisReply::Error("ERR invalid expire time in 'set' command");
        opt.expire_ms = seconds ? v * 1000 : v;
        if (opt.expire_ms > std::numeric_limits<int64_t>::max() - now_ms_)
          return RedisReply::Error("ERR invalid expire time in 'set' command");
        has_expire = true;
        ++i;
      } else {
        return Syntax();
      }
    }
    return Set(argv[1], Blob{argv[2], 0}, opt);
  }
  if (cmd == "setex" || cmd == "psetex") {
    if (n != 4) return Arity(cmd);
    int64_t v;
    if (!ParseInt(argv[2], &v)) return NotInt();
    if (cmd == "setex") return SetEx(argv[1], v, Blob{argv[3], 0});
    if (v <= 0) return RedisReply::Error("ERR invalid expire time in 'psetex' command");
    SetOptions opt;
    opt.expire_ms = v;
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
  if (cmd == "expire" || cmd == "pexpire") {
    if (n != 3) return Arity(cmd);
    int64_t v;
    if (!ParseInt(argv[2], &v)) return NotInt();
    return Expire(argv[1], v, cmd == "pexpire");
  }
  if (cmd == "ttl" || cmd == "pttl") {
    if (n != 2) return Arity(cmd);
    return Ttl(argv[1], cmd == "pttl");
  }
  if (cmd == "mget") {
    if (n < 2) return Arity(cmd);
    return Mget(Views(argv, 1));
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
    auto [p, ec] = std::from_chars(argv[1].data(), argv[1].data() + argv[1].size(), cursor);
    if (ec != std::errc() || p != argv[1].data() + argv[1].size()) return RedisReply::Error("ERR invalid cursor");
    std::string_view match, type;
    int64_t count = 10;
    for (size_t i = 2; i < n; i += 2) {
      if (i + 1 >= n) return Syntax();
      std::string o = Lower(argv[i]);
      if (o == "match") {
        match = argv[i + 1];
        if (match == "*") match = {};
      } else if (o == "count") {
        if (!ParseInt(argv[i + 1], &count)) return NotInt();
        if (count < 1) return Syntax();
      } else if (o == "type") {
        type = argv[i + 1];
      } else {
        return Syntax();
      }
    }
    return Scan(cursor, match, count, type);
  }
  if (cmd == "dbsize") return DbSize();
  if (cmd == "flushdb") return FlushDb();
  if (cmd == "ping") return RedisReply::Status("PONG");
  std::string args;
  for (size_t i = 1; i < n; ++i) args += "'" + argv[i] + "' ";
  return RedisReply::Error("ERR unknown command '" + argv[0] + "', with args beginning with: " + args);
}

}  // namespace cachelab
