#include "live/key_cleanup.h"

#include <stdexcept>

namespace cachelab::live {

void CheckPrefix(const std::string& prefix) {
  if (prefix.empty()) throw std::invalid_argument("the key prefix must not be empty (the lab keeps to its own keys)");
  if (prefix.find_first_of("*?[]\\") != std::string::npos)
    throw std::invalid_argument("the key prefix '" + prefix + "' must not contain glob characters");
}

int64_t DeleteKeysWithPrefix(RedisCluster& cluster, const std::string& prefix) {
  CheckPrefix(prefix);
  const std::string pattern = prefix + "*";
  int64_t removed = 0;
  for (size_t n = 0; n < cluster.size(); ++n) {
    if (!cluster.Ready(n)) return -1;
    RedisConn& c = cluster.conn(n);
    std::string cursor = "0";
    do {
      RedisReply r = c.Command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"});
      if (r.type != RedisReply::Type::kArray || r.elements.size() != 2) return -1;
      cursor = r.elements[0].str.Materialize();
      std::vector<std::string> keys;
      for (const auto& k : r.elements[1].elements) keys.push_back(k.str.Materialize());
      if (keys.empty()) continue;
      std::vector<std::string_view> argv{"UNLINK"};
      argv.insert(argv.end(), keys.begin(), keys.end());
      RedisReply d = c.Command(argv);
      if (d.is_error()) return -1;
      removed += d.integer;
    } while (cursor != "0");
  }
  return removed;
}

bool FlushAll(RedisCluster& cluster) {
  bool ok = true;
  for (size_t n = 0; n < cluster.size(); ++n)
    ok = ok && cluster.Ready(n) && cluster.conn(n).Command({"FLUSHDB"}).is_ok();
  return ok;
}

}  // namespace cachelab::live
