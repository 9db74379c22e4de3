// `cachelab ring`: map keys read on stdin (one per line) to cache nodes with
// a partitioner, or with --stats report balance and, for a membership change
// (--add-node / --remove-node), the fraction of keys remapped vs the ideal.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <functional>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "lab/memory_budget.h"
#include "lab/params.h"
#include "strategies/partitioners/balance.h"
#include "strategies/partitioners/bounded_load_partitioner.h"
#include "strategies/partitioners/maglev_partitioner.h"
#include "strategies/partitioners/partitioner.h"

namespace cachelab::cli {
namespace {

constexpr std::size_t kMaxKeyLine = 1 << 20;

struct RingOptions {
  std::string partitioner;
  std::string nodes;
  std::uint32_t vnodes = 100;
  std::string format = "libmemcached";
  std::uint32_t buckets = 0;
  std::uint64_t table_size = 65537;
  double epsilon = 0.25;
  std::string add_node;
  std::string remove_node;
  bool stats = false;
  bool json = false;
};

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::vector<NodeSpec> ResolveNodes(const RingOptions& o) {
  if (o.buckets > 0) {
    if (o.partitioner != "jump") throw UsageError("--buckets is only for --partitioner jump");
    if (!o.nodes.empty()) throw UsageError("give either --nodes or --buckets, not both");
    CheckMemory("buckets", o.buckets * 64.0, std::to_string(o.buckets) + " buckets");
    std::vector<NodeSpec> nodes(o.buckets);
    for (std::uint32_t i = 0; i < o.buckets; ++i) nodes[i].host = "bucket" + std::to_string(i);
    return nodes;
  }
  if (o.nodes.empty()) throw UsageError("--nodes is required (or --buckets for jump)");
  try {
    return ParseNodeList(o.nodes);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--nodes: ") + e.what());
  }
}

// What the partitioner's tables will hold, checked before they are built
// (weights multiply a node's ring points).
void CheckTableMemory(const RingOptions& o, const std::vector<NodeSpec>& nodes) {
  double weight = 0;
  for (const NodeSpec& n : nodes) weight += n.weight;
  if (o.partitioner == "maglev")
    CheckMemory("table-size", static_cast<double>(nodes.size()) * static_cast<double>(o.table_size) * 8.0,
                "maglev permutations (nodes x table size)");
  if (o.partitioner == "ring" || o.partitioner == "bounded-load" || o.partitioner == "ketama")
    CheckMemory("vnodes", weight * (o.partitioner == "ketama" ? 160 : o.vnodes) * 48.0, "the ring's points (weights x vnodes)");
}

std::unique_ptr<Partitioner> Build(const RingOptions& o) {
  PartitionerOptions po;
  po.vnodes = o.vnodes;
  po.maglev_table_size = o.table_size;
  po.epsilon = o.epsilon;
  try {
    po.ketama_format = ParseKetamaFormat(o.format);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--format: ") + e.what());
  }
  std::vector<NodeSpec> nodes = ResolveNodes(o);
  if (o.partitioner == "maglev")
    if (std::string why = MaglevTableSizeError(o.table_size); !why.empty()) throw UsageError("--table-size: " + why);
  CheckTableMemory(o, nodes);
  try {
    return MakePartitioner(o.partitioner, nodes, po);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--partitioner ") + o.partitioner + ": " + e.what());
  }
}

// Node index for a key; jump reads keys as unsigned 64-bit integers, and
// bounded-load counts the key (its loads are what decide placement).
std::size_t Place(Partitioner& p, const std::string& key, std::size_t line) {
  if (p.Name() == "jump") {
    std::uint64_t k = 0;
    auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), k);
    if (ec != std::errc{} || end != key.data() + key.size()) {
      throw UsageError("stdin line " + std::to_string(line) + ": jump keys are unsigned 64-bit integers, got '" +
                       key + "'");
    }
    return p.Lookup(k);
  }
  if (auto* bl = dynamic_cast<BoundedLoadPartitioner*>(&p)) return bl->Assign(key);
  return p.Lookup(key);
}

std::string NodeName(const Partitioner& p, std::size_t index) {
  return p.Name() == "jump" ? std::to_string(index) : p.Nodes()[index].Label();
}

std::vector<std::string> Assignment(Partitioner& p, const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  out.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) out.push_back(p.Nodes()[Place(p, keys[i], i + 1)].Label());
  return out;
}

// Applies --add-node / --remove-node; returns the ideal remapped fraction.
double ChangeMembership(Partitioner& p, const RingOptions& o) {
  std::uint64_t total = 0;
  for (const NodeSpec& n : p.Nodes()) total += n.weight;
  if (!o.add_node.empty()) {
    NodeSpec added;
    try {
      added = ParseNodeSpec(o.add_node);
      p.AddNode(added);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--add-node: ") + e.what());
    }
    return static_cast<double>(added.weight) / static_cast<double>(total + added.weight);
  }
  std::string label = o.remove_node;  // host:port; a weight, if given, is not compared
  if (o.buckets > 0) {
    // Jump prints buckets by number: take "3" (or "bucket3", the name --buckets gives them).
    std::string_view n = label;
    if (n.starts_with("bucket")) n.remove_prefix(6);
    std::uint32_t bucket = 0;
    auto [end, ec] = std::from_chars(n.data(), n.data() + n.size(), bucket);
    if (ec == std::errc{} && end == n.data() + n.size() && bucket < o.buckets) label = p.Nodes()[bucket].Label();
  } else {
    try {
      label = ParseNodeSpec(o.remove_node).Label();
    } catch (const std::invalid_argument&) {
    }
  }
  for (std::size_t i = 0; i < p.Nodes().size(); ++i) {
    if (p.Nodes()[i].Label() == label) {
      if (p.Nodes().size() == 1) throw UsageError("--remove-node: " + o.remove_node + " is the only node; nothing would hold the keys");
      const double ideal = static_cast<double>(p.Nodes()[i].weight) / static_cast<double>(total);
      p.RemoveNode(i);
      return ideal;
    }
  }
  if (o.buckets > 0)
    throw UsageError("--remove-node: no node " + o.remove_node + " among --buckets " + std::to_string(o.buckets) +
                     " (0 .. " + std::to_string(o.buckets - 1) + ")");
  throw UsageError("--remove-node: no node " + o.remove_node + " in --nodes");
}

void PrintStats(Partitioner& p, const std::vector<std::string>& keys, const RingOptions& o) {
  const std::vector<std::string> before = Assignment(p, keys);
  std::vector<std::uint64_t> counts(p.Nodes().size(), 0);
  for (const std::string& label : before) {
    for (std::size_t i = 0; i < p.Nodes().size(); ++i) {
      if (p.Nodes()[i].Label() == label) ++counts[i];
    }
  }
  std::vector<double> weights;  // balance is judged against each node's weighted share
  for (const NodeSpec& n : p.Nodes()) weights.push_back(n.weight);
  const BalanceStats s = ComputeBalance(counts, weights);
  std::vector<std::string> names;  // captured before a membership change renumbers nodes
  for (std::size_t i = 0; i < counts.size(); ++i) names.push_back(NodeName(p, i));
  const bool change = !o.add_node.empty() || !o.remove_node.empty();
  double ideal = 0, remapped = 0;
  if (change) {
    ideal = ChangeMembership(p, o);
    remapped = RemappedFraction(before, Assignment(p, keys));
  }
  std::string out;
  char buf[256];
  if (o.json) {
    out = "{\"partitioner\":" + JsonString(p.Name()) + ",\"keys\":" + std::to_string(s.keys) + ",\"nodes\":[";
    for (std::size_t i = 0; i < counts.size(); ++i) {
      out += std::string(i ? "," : "") + "{\"node\":" + JsonString(names[i]) + ",\"keys\":" +
             std::to_string(counts[i]) + "}";
    }
    std::snprintf(buf, sizeof buf, "],\"mean\":%.6g,\"max\":%llu,\"min\":%llu,\"max_over_mean\":%.6g,\"cv\":%.6g",
                  s.mean, static_cast<unsigned long long>(s.max), static_cast<unsigned long long>(s.min),
                  s.max_over_mean, s.cv);
    out += buf;
    if (change) {
      std::snprintf(buf, sizeof buf, ",\"remapped_fraction\":%.6g,\"ideal_fraction\":%.6g", remapped, ideal);
      out += buf;
    }
    out += "}\n";
  } else {
    out = "node\tkeys\tshare\n";
    for (std::size_t i = 0; i < counts.size(); ++i) {
      std::snprintf(buf, sizeof buf, "\t%llu\t%.4f\n", static_cast<unsigned long long>(counts[i]),
                    s.keys ? static_cast<double>(counts[i]) / static_cast<double>(s.keys) : 0.0);
      out += names[i] + buf;
    }
    const bool weighted = std::adjacent_find(weights.begin(), weights.end(), std::not_equal_to<>()) != weights.end();
    std::snprintf(buf, sizeof buf, "keys\t%llu\nmean\t%.2f\nmax\t%llu\nmin\t%llu\n%s\t%.4f\ncv\t%.4f\n",
                  static_cast<unsigned long long>(s.keys), s.mean, static_cast<unsigned long long>(s.max),
                  static_cast<unsigned long long>(s.min), weighted ? "max/share" : "max/mean", s.max_over_mean, s.cv);
    out += buf;
    if (change) {
      std::snprintf(buf, sizeof buf, "remapped\t%.4f\nideal\t%.4f\n", remapped, ideal);
      out += buf;
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

// One line of stdin without its newline; false at the end. Lines are keys, so
// an endless line (/dev/zero) is refused instead of read into memory.
bool ReadKeyLine(std::istream& in, std::string* line, std::size_t line_no) {
  line->clear();
  std::streambuf* sb = in.rdbuf();
  for (;;) {
    int c = sb->sbumpc();
    if (c == std::char_traits<char>::eof()) return !line->empty();
    if (c == '\n') return true;
    if (line->size() >= kMaxKeyLine)
      throw UsageError("stdin line " + std::to_string(line_no) + ": longer than 1 MiB (keys are one per line)");
    line->push_back(static_cast<char>(c));
  }
}

void RunRing(const RingOptions& o) {
  if (!o.add_node.empty() && !o.remove_node.empty()) throw UsageError("give --add-node or --remove-node, not both");
  if ((!o.add_node.empty() || !o.remove_node.empty()) && !o.stats) {
    throw UsageError("--add-node/--remove-node need --stats");
  }
  std::unique_ptr<Partitioner> p = Build(o);
  std::vector<std::string> keys;
  std::string line, out;
  std::size_t line_no = 0;
  while (ReadKeyLine(std::cin, &line, line_no + 1)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (o.stats) {
      keys.push_back(line);
      continue;
    }
    const std::string node = NodeName(*p, Place(*p, line, line_no));
    out += o.json ? "{\"key\":" + JsonString(line) + ",\"node\":" + JsonString(node) + "}\n" : line + '\t' + node + '\n';
    if (out.size() > (1 << 16)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  if (o.stats) {
    PrintStats(*p, keys, o);
  } else {
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
}

// A scheme's own option given with another scheme would be ignored: refused, as `run` does.
void CheckOptionsApply(const CLI::App& cmd, const std::string& partitioner) {
  const std::vector<std::string>& known = PartitionerNames();
  if (std::find(known.begin(), known.end(), partitioner) == known.end()) return;  // Build names it
  const std::pair<const char*, std::vector<std::string>> scopes[] = {
      {"--vnodes", {"ring", "bounded-load"}},
      {"--format", {"ketama"}},
      {"--table-size", {"maglev"}},
      {"--epsilon", {"bounded-load"}},
  };
  for (const auto& [flag, applies] : scopes) {
    if (cmd.count(flag) == 0 || std::find(applies.begin(), applies.end(), partitioner) != applies.end()) continue;
    std::string names;
    for (const std::string& n : applies) names += (names.empty() ? "" : " or ") + n;
    throw UsageError(std::string(flag) + ": applies only with --partitioner " + names +
                     " (given here, it would be ignored)");
  }
}

}  // namespace

void AddRingCommand(CLI::App& app) {
  auto opts = std::make_shared<RingOptions>();
  CLI::App* cmd = app.add_subcommand("ring", "Map keys (stdin, one per line) to nodes with a partitioner");
  std::string names;
  for (const std::string& n : PartitionerNames()) names += (names.empty() ? "" : ", ") + n;
  cmd->add_option("--partitioner", opts->partitioner, "One of: " + names)->required();
  cmd->add_option("--nodes", opts->nodes, "Comma-separated host:port[:weight]");
  cmd->add_option("--vnodes", opts->vnodes, "Ring/bounded-load points per unit weight")
      ->capture_default_str()
      ->check(CLI::Range(1u, 100000u));
  cmd->add_option("--format", opts->format, "Ketama node format: libmemcached, libketama, spymemcached, libmemcached-spy")
      ->capture_default_str();
  cmd->add_option("--buckets", opts->buckets, "Jump: number of buckets (instead of --nodes)")
      ->check(CLI::Range(1u, 100000000u));
  cmd->add_option("--table-size", opts->table_size, "Maglev lookup table size (prime)")
      ->capture_default_str()
      ->check(CLI::Range(uint64_t{2}, uint64_t{UINT32_MAX}));
  cmd->add_option("--epsilon", opts->epsilon, "Bounded-load: capacity (1+eps) x average")
      ->capture_default_str()
      ->check(CLI::Range(1e-6, 100.0));
  cmd->add_option("--add-node", opts->add_node, "With --stats: add host:port[:weight] and report remapping");
  cmd->add_option("--remove-node", opts->remove_node, "With --stats: remove host:port (with --buckets: a bucket number) and report remapping");
  cmd->add_flag("--stats", opts->stats, "Print balance figures instead of key-to-node lines");
  cmd->add_flag("--json", opts->json, "JSON output");
  cmd->callback([opts, cmd] {
    CheckOptionsApply(*cmd, opts->partitioner);
    RunRing(*opts);
  });
}

}  // namespace cachelab::cli
