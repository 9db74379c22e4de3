#include "lab/faults.h"

#include <charconv>

namespace cachelab {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// One "t=30s:server=1"-style item: fields separated by ':'.
Fault ParseItem(const std::string& param, const std::string& item, Fault::Kind kind, uint64_t servers) {
  Fault f{kind};
  bool has_t = false, has_d = false;
  for (const auto& field : Split(item, ':')) {
    size_t eq = field.find('=');
    std::string k = field.substr(0, eq), v = eq == std::string::npos ? "" : field.substr(eq + 1);
    auto bad = [&](const std::string& why) { return ParamError(param, "'" + item + "': " + why); };
    if (k == "t") {
      if (!ParseDuration(v, &f.at)) throw bad("t must be a duration such as 30s");
      has_t = true;
    } else if (k == "d" && kind != Fault::Kind::kServerCrash) {
      if (!ParseDuration(v, &f.duration)) throw bad("d must be a duration such as 5s");
      has_d = true;
    } else if (k == "server" && kind == Fault::Kind::kServerCrash) {
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), f.server);
      if (ec != std::errc() || p != v.data() + v.size() || f.server >= servers)
        throw bad("server must be a number below --servers (" + std::to_string(servers) + ")");
    } else if (k == "cache" && eq == std::string::npos && kind == Fault::Kind::kServerCrash) {
      f.kind = Fault::Kind::kCacheCrash;
    } else {
      throw bad("unknown field '" + k + "'");
    }
  }
  if (!has_t) throw ParamError(param, "'" + item + "': missing t=<time>");
  if (kind == Fault::Kind::kCacheOutage && !has_d) throw ParamError(param, "'" + item + "': missing d=<duration>");
  return f;
}

}  // namespace

std::vector<Fault> ParseFaults(const Params& p, uint64_t servers) {
  std::vector<Fault> out;
  for (const auto& item : Split(p.Raw("crash"), ';'))
    out.push_back(ParseItem("crash", item, Fault::Kind::kServerCrash, servers));
  for (const auto& item : Split(p.Raw("cache-outage"), ';'))
    out.push_back(ParseItem("cache-outage", item, Fault::Kind::kCacheOutage, servers));
  return out;
}

}  // namespace cachelab
