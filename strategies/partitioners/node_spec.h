// A cache node as the partitioners see it: "host:port[:weight]".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cachelab {

struct NodeSpec {
  std::string host;
  std::uint16_t port = 11211;
  std::uint32_t weight = 1;

  std::string Label() const { return host + ":" + std::to_string(port); }
  bool operator==(const NodeSpec&) const = default;
};

// Throws std::invalid_argument naming the offending text. Blanks around the text are ignored.
NodeSpec ParseNodeSpec(std::string_view text);
// Comma-separated list; empty items and a host:port given twice are rejected.
std::vector<NodeSpec> ParseNodeList(std::string_view text);

}  // namespace cachelab
