// Where a live Redis lives: parsed from --backend redis://HOST:PORT[/DB]
// (an IPv6 HOST in brackets: redis://[::1]:6379).
// Several endpoints (a repeated flag or a comma list) form a client-side
// partitioned cluster. The password never appears in a URL or in results: it
// comes from the environment (CACHELAB_REDIS_PASSWORD, else REDISCLI_AUTH).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace cachelab::live {

struct RedisEndpoint {
  std::string host = "127.0.0.1";
  int port = 6379;
  int db = 0;
  std::string Label() const {
    std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;  // IPv6 in brackets
    return h + ":" + std::to_string(port) + (db ? "/" + std::to_string(db) : "");
  }
};

// Throws std::invalid_argument naming the bad text (a URL with a password is
// refused, so that it cannot end up in a results file or shell history).
RedisEndpoint ParseRedisUrl(std::string_view url);
// Each item may itself be a comma list.
std::vector<RedisEndpoint> ParseRedisUrls(const std::vector<std::string>& items);
// True for "redis://..." (the CLI also accepts "sim", the default).
bool IsRedisUrl(std::string_view text);
// The password from the environment, or empty.
std::string PasswordFromEnv();

}  // namespace cachelab::live
