#include "live/redis_endpoint.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <stdexcept>

namespace cachelab::live {
namespace {

bool ParseNumber(std::string_view s, int min, int max, int* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && ec == std::errc() && p == s.data() + s.size() && *out >= min && *out <= max;
}

// The URL as an error may quote it: the user info before '@' (a password, or
// user:password) masked, so a refused URL never echoes its secret.
std::string MaskedUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  size_t at = url.rfind('@');
  if (at == std::string_view::npos || at < start) return std::string(url);
  std::string_view user = url.substr(start, at - start);
  size_t colon = user.find(':');
  std::string shown = colon == std::string_view::npos ? "***" : std::string(user.substr(0, colon)) + ":***";
  return std::string(url.substr(0, start)) + shown + std::string(url.substr(at));
}

}  // namespace

bool IsRedisUrl(std::string_view text) { return text.substr(0, 8) == "redis://"; }

RedisEndpoint ParseRedisUrl(std::string_view url) {
  auto bad = [&](const std::string& why) {
    return std::invalid_argument("bad Redis URL '" + MaskedUrl(url) + "': " + why +
                                 " (expected redis://HOST:PORT[/DB])");
  };
  if (!IsRedisUrl(url)) throw bad("must start with redis://");
  std::string_view rest = url.substr(8);
  if (rest.find('@') != std::string_view::npos)
    throw bad("put the password in $CACHELAB_REDIS_PASSWORD, not in the URL");
  RedisEndpoint ep;
  size_t slash = rest.find('/');
  if (slash != std::string_view::npos) {
    std::string_view db = rest.substr(slash + 1);
    if (!db.empty() && !ParseNumber(db, 0, 15, &ep.db)) throw bad("database must be 0-15");
    rest = rest.substr(0, slash);
  }
  if (!rest.empty() && rest.front() == '[') {  // an IPv6 literal: redis://[::1]:6379
    size_t close = rest.find(']');
    if (close == std::string_view::npos) throw bad("missing ']' after the IPv6 address");
    std::string_view after = rest.substr(close + 1);
    if (!after.empty() && (after.front() != ':' || !ParseNumber(after.substr(1), 1, 65535, &ep.port)))
      throw bad("port must be 1-65535");
    rest = rest.substr(1, close - 1);
    if (rest.empty()) throw bad("missing host");
    ep.host = std::string(rest);
    return ep;
  }
  if (std::count(rest.begin(), rest.end(), ':') > 1) throw bad("put an IPv6 address in brackets, e.g. redis://[::1]:6379");
  size_t colon = rest.rfind(':');
  if (colon != std::string_view::npos) {
    if (!ParseNumber(rest.substr(colon + 1), 1, 65535, &ep.port)) throw bad("port must be 1-65535");
    rest = rest.substr(0, colon);
  }
  if (rest.empty()) throw bad("missing host");
  ep.host = std::string(rest);
  if (ep.host == "localhost") ep.host = "127.0.0.1";
  return ep;
}

std::vector<RedisEndpoint> ParseRedisUrls(const std::vector<std::string>& items) {
  std::vector<RedisEndpoint> out;
  for (const auto& item : items) {
    size_t start = 0;
    while (start <= item.size()) {
      size_t comma = item.find(',', start);
      if (comma == std::string::npos) comma = item.size();
      out.push_back(ParseRedisUrl(std::string_view(item).substr(start, comma - start)));
      start = comma + 1;
    }
  }
  return out;
}

std::string PasswordFromEnv() {
  for (const char* name : {"CACHELAB_REDIS_PASSWORD", "REDISCLI_AUTH"})
    if (const char* v = std::getenv(name); v && *v) return v;
  return "";
}

}  // namespace cachelab::live
