#include "lab/churn.h"

#include <algorithm>
#include <charconv>

#include "lab/params.h"

namespace cachelab {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

template <typename T>
bool ParseNumber(const std::string& s, T* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && ec == std::errc() && p == s.data() + s.size();
}

ChurnEvent ParseItem(const std::string& item) {
  auto bad = [&](const std::string& why) -> ParamError {
    return ParamError("churn", "'" + item + "': " + why +
                                   " (expected t=<time>:add | remove:<node> | crash:<node> | recover:<node> | "
                                   "hotkey:<fraction>[:<key>], e.g. t=60s:crash:2)");
  };
  std::vector<std::string> parts = Split(item, ':');
  if (parts.size() < 2 || parts[0].rfind("t=", 0) != 0) throw bad("missing t=<time>:<event>");
  ChurnEvent e;
  if (!ParseDuration(parts[0].substr(2), &e.t)) throw bad("bad time");
  const std::string& kind = parts[1];
  size_t args = parts.size() - 2;
  if (kind == "add") {
    if (args != 0) throw bad("add takes no argument");
    e.kind = ChurnEvent::Kind::kAdd;
  } else if (kind == "remove" || kind == "crash" || kind == "recover") {
    e.kind = kind == "remove" ? ChurnEvent::Kind::kRemove
             : kind == "crash" ? ChurnEvent::Kind::kCrash
                               : ChurnEvent::Kind::kRecover;
    if (args != 1 || !ParseNumber(parts[2], &e.node)) throw bad(kind + " needs a node number");
  } else if (kind == "hotkey") {
    e.kind = ChurnEvent::Kind::kHotKey;
    if (args < 1 || args > 2 || !ParseNumber(parts[2], &e.fraction) || e.fraction < 0 || e.fraction > 1)
      throw bad("hotkey needs a fraction between 0 and 1");
    if (args == 2 && !ParseNumber(parts[3], &e.key)) throw bad("bad hot key number");
  } else {
    throw bad("unknown event '" + kind + "'");
  }
  return e;
}

}  // namespace

const char* ChurnKindName(ChurnEvent::Kind kind) {
  switch (kind) {
    case ChurnEvent::Kind::kAdd: return "add";
    case ChurnEvent::Kind::kRemove: return "remove";
    case ChurnEvent::Kind::kCrash: return "crash";
    case ChurnEvent::Kind::kRecover: return "recover";
    case ChurnEvent::Kind::kHotKey: return "hotkey";
  }
  return "?";
}

std::vector<ChurnEvent> ParseChurn(const std::string& text) {
  std::vector<ChurnEvent> out;
  if (text.empty() || text == "none") return out;
  for (const std::string& item : Split(text, ',')) out.push_back(ParseItem(item));
  std::stable_sort(out.begin(), out.end(), [](const ChurnEvent& a, const ChurnEvent& b) { return a.t < b.t; });
  return out;
}

}  // namespace cachelab
