#include "live/key_cleanup.h"

#include <stdexcept>
#include <thread>

namespace cachelab::live {
namespace {

// SCAN MATCH + UNLINK over one node; false when it stopped answering
// (`removed` still counts what went before).
bool DeleteOnNode(RedisConn& c, const std::string& pattern, int64_t* removed) {
  std::string cursor = "0";
  do {
    RedisReply r = c.Command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
    if (r.type != RedisReply::Type::kArray || r.elements.size() != 2) return false;
    cursor = r.elements[0].str.Materialize();
    std::vector<std::string> keys;
    for (const auto& k : r.elements[1].elements) keys.push_back(k.str.Materialize());
    if (keys.empty()) continue;
    std::vector<std::string_view> argv{"UNLINK"};
    argv.insert(argv.end(), keys.begin(), keys.end());
    RedisReply d = c.Command(argv);
    if (d.is_error()) return false;
    *removed += d.integer;
  } while (cursor != "0");
  return true;
}

std::string SingleQuoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// redis-cli's connection flags for a node (-n for a database other than 0).
std::string CliTarget(const RedisEndpoint& ep) {
  return "-h " + ep.host + " -p " + std::to_string(ep.port) + (ep.db ? " -n " + std::to_string(ep.db) : "");
}

}  // namespace

void CheckPrefix(const std::string& prefix) {
  if (prefix.empty()) throw std::invalid_argument("the key prefix must not be empty (the lab keeps to its own keys)");
  if (prefix.find_first_of("*?[]\\") != std::string::npos)
    throw std::invalid_argument("the key prefix '" + prefix + "' must not contain glob characters");
}

int64_t DeleteKeysWithPrefix(RedisCluster& cluster, const std::string& prefix) {
  CheckPrefix(prefix);
  int64_t removed = 0;
  for (size_t n = 0; n < cluster.size(); ++n)
    if (!cluster.Ready(n) || !DeleteOnNode(cluster.conn(n), prefix + "*", &removed)) return -1;
  return removed;
}

CleanupResult RemoveKeysWithPrefix(RedisCluster& cluster, const std::string& prefix, std::chrono::milliseconds wait) {
  CheckPrefix(prefix);
  const auto deadline = std::chrono::steady_clock::now() + wait;
  CleanupResult out;
  for (size_t n = 0; n < cluster.size(); ++n) {
    bool retried = false;
    for (;;) {
      if (cluster.Ready(n) && DeleteOnNode(cluster.conn(n), prefix + "*", &out.removed)) {
        if (!retried) break;
        retried = false;  // one more full pass: a late SET from a dropped connection
        continue;
      }
      retried = true;
      if (std::chrono::steady_clock::now() >= deadline) {
        const RedisEndpoint& ep = cluster.conn(n).endpoint();
        std::string target = CliTarget(ep), pattern = SingleQuoted(prefix + "*");
        out.left.push_back("the lab's keys under '" + prefix + "' were NOT removed from redis://" + ep.Label() + " (" +
                           cluster.conn(n).last_error() + "; retried for " + std::to_string(wait.count()) +
                           " ms). Remove them by hand: redis-cli " + target + " --scan --pattern " + pattern +
                           " | xargs -r redis-cli " + target + " unlink");
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // Ready() keeps the connection's backoff
    }
  }
  return out;
}

bool FlushAll(RedisCluster& cluster) {
  bool ok = true;
  for (size_t n = 0; n < cluster.size(); ++n)
    ok = ok && cluster.Ready(n) && cluster.conn(n).Command({"FLUSHDB"}).is_ok();
  return ok;
}

}  // namespace cachelab::live
