#include "strategies/partitioners/node_spec.h"

#include <charconv>
#include <stdexcept>

namespace cachelab {
namespace {

template <typename T>
T ParseNumber(std::string_view text, T min, T max, std::string_view what, std::string_view whole) {
  unsigned long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    throw std::invalid_argument("bad " + std::string(what) + " in node '" + std::string(whole) +
                                "' (want host:port[:weight])");
  }
  return static_cast<T>(value);
}

// "a:1, b:1" is two nodes: blanks around an item are the list's spacing, not the host's
// name (ketama hashes the name: " b" would place keys elsewhere than "b").
std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

NodeSpec ParseNodeSpec(std::string_view text) {
  text = Trim(text);
  NodeSpec node;
  const auto c1 = text.find(':');
  if (c1 == 0 || c1 == std::string_view::npos) {
    throw std::invalid_argument("bad node '" + std::string(text) + "' (want host:port[:weight])");
  }
  node.host = std::string(text.substr(0, c1));
  if (node.host.find_first_of(" \t") != std::string::npos)
    throw std::invalid_argument("bad host in node '" + std::string(text) + "' (a host name has no blanks)");
  std::string_view rest = text.substr(c1 + 1);
  const auto c2 = rest.find(':');
  node.port = ParseNumber<std::uint16_t>(rest.substr(0, c2), 1, 65535, "port", text);
  if (c2 != std::string_view::npos) {
    node.weight = ParseNumber<std::uint32_t>(rest.substr(c2 + 1), 1, 1000000, "weight", text);
  }
  return node;
}

std::vector<NodeSpec> ParseNodeList(std::string_view text) {
  std::vector<NodeSpec> nodes;
  while (true) {
    const auto comma = text.find(',');
    nodes.push_back(ParseNodeSpec(text.substr(0, comma)));
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
      if (nodes[i].Label() == nodes.back().Label())
        throw std::invalid_argument("node " + nodes.back().Label() + " given twice");
    }
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return nodes;
}

}  // namespace cachelab
