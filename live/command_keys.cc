#include "live/command_keys.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace cachelab::live {
namespace {

// Which arguments name keys or channels.
enum class Keys { kFirst, kAll, kPairs, kScan };

struct Spec {
  std::string_view name;
  Keys keys;
};

// The commands the strategies, invalidation schemes and guards send (and a
// few harmless relatives); extend here, never by sending a raw name.
constexpr Spec kSpecs[] = {
    {"GET", Keys::kFirst},      {"SET", Keys::kFirst},       {"SETNX", Keys::kFirst},    {"SETEX", Keys::kFirst},
    {"PSETEX", Keys::kFirst},   {"GETSET", Keys::kFirst},    {"GETDEL", Keys::kFirst},   {"GETEX", Keys::kFirst},
    {"INCR", Keys::kFirst},     {"INCRBY", Keys::kFirst},    {"DECR", Keys::kFirst},     {"DECRBY", Keys::kFirst},
    {"APPEND", Keys::kFirst},   {"STRLEN", Keys::kFirst},    {"TYPE", Keys::kFirst},     {"TTL", Keys::kFirst},
    {"PTTL", Keys::kFirst},     {"EXPIRE", Keys::kFirst},    {"PEXPIRE", Keys::kFirst},  {"PERSIST", Keys::kFirst},
    {"EXPIREAT", Keys::kFirst}, {"PEXPIREAT", Keys::kFirst}, {"SADD", Keys::kFirst},     {"SREM", Keys::kFirst},
    {"SMEMBERS", Keys::kFirst}, {"SCARD", Keys::kFirst},     {"SISMEMBER", Keys::kFirst}, {"HSET", Keys::kFirst},
    {"HGET", Keys::kFirst},     {"HDEL", Keys::kFirst},      {"HGETALL", Keys::kFirst},  {"PUBLISH", Keys::kFirst},
    {"DEL", Keys::kAll},        {"UNLINK", Keys::kAll},      {"EXISTS", Keys::kAll},     {"MGET", Keys::kAll},
    {"TOUCH", Keys::kAll},      {"MSET", Keys::kPairs},      {"SCAN", Keys::kScan},
};

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return std::toupper(x) == std::toupper(y); });
}

}  // namespace

PrefixedCommand PrefixCommand(std::vector<std::string>& argv, const std::string& prefix) {
  PrefixedCommand out;
  if (argv.empty()) {
    out.refusal = "ERR cachelab: empty command";
    return out;
  }
  const Spec* spec = nullptr;
  for (const Spec& s : kSpecs)
    if (IEquals(argv[0], s.name)) spec = &s;
  if (!spec) {
    out.refusal = "ERR cachelab: '" + argv[0] + "' is not on the live command list (its key arguments are unknown)";
    return out;
  }
  switch (spec->keys) {
    case Keys::kFirst:
      if (argv.size() < 2) break;
      argv[1].insert(0, prefix);
      out.route_arg = 1;
      break;
    case Keys::kAll:
      for (size_t i = 1; i < argv.size(); ++i) argv[i].insert(0, prefix);
      if (argv.size() > 1) out.route_arg = 1;
      out.all_keys = true;
      out.sums = !IEquals(argv[0], "MGET");
      break;
    case Keys::kPairs:
      for (size_t i = 1; i < argv.size(); i += 2) argv[i].insert(0, prefix);
      if (argv.size() > 1) out.route_arg = 1;
      break;
    case Keys::kScan: {
      bool matched = false;
      for (size_t i = 2; i + 1 < argv.size(); i += 2)
        if (IEquals(argv[i], "MATCH")) {
          argv[i + 1].insert(0, prefix);
          matched = true;
        }
      if (!matched) argv.insert(argv.end(), {"MATCH", prefix + "*"});
      out.strip_scan_reply = true;
      break;
    }
  }
  return out;
}

}  // namespace cachelab::live
