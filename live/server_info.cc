#include "live/server_info.h"

#include <charconv>

namespace cachelab::live {

std::map<std::string, std::string> ServerInfo(RedisConn& conn, const std::string& section) {
  std::map<std::string, std::string> out;
  if (!conn.EnsureConnected()) return out;
  RedisReply r = conn.Command({"INFO", section});
  if (r.type != RedisReply::Type::kString) return out;
  std::string text = r.str.Materialize();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find("\r\n", pos);
    if (eol == std::string::npos) eol = text.size();
    std::string line = text.substr(pos, eol - pos);
    pos = eol + 2;
    size_t colon = line.find(':');
    if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
    out[line.substr(0, colon)] = line.substr(colon + 1);
  }
  return out;
}

int64_t InfoNumber(RedisConn& conn, const std::string& section, const std::string& field) {
  auto info = ServerInfo(conn, section);
  auto it = info.find(field);
  if (it == info.end()) return -1;
  int64_t v = -1;
  std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
  return v;
}

}  // namespace cachelab::live
