// The reference experiment file, generated from the parameter registry so it
// cannot drift from the flags (`cachelab params --toml` prints it).
#include <charconv>
#include <cmath>

#include "lab/experiment_file.h"

namespace cachelab {
namespace {

// A default as a TOML value that reads back as exactly the same text.
std::string TomlValue(const std::string& v) {
  double d;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (!v.empty() && ec == std::errc() && p == v.data() + v.size() && std::isfinite(d)) {
    char buf[64];
    bool integral = v.find_first_not_of("0123456789") == std::string::npos;
    auto [q, ec2] = std::to_chars(buf, buf + sizeof buf, d);
    if (integral || (ec2 == std::errc() && std::string(buf, q) == v)) return v;
  }
  if (v == "true" || v == "false") return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string ReferenceToml() {
  std::string out =
      "# cachelab reference experiment file: every parameter, at its default.\n"
      "# Generated from the parameter registry by `cachelab params --toml`; do not edit.\n"
      "#\n"
      "# An experiment file sets only what it changes; keys are the `cachelab run` flags\n"
      "# without the dashes. Any parameter may be a list, and the sweep runs the\n"
      "# Cartesian product of all lists (the first parameter below varies slowest):\n"
      "#   alpha = [0.6, 0.9, 1.2]\n"
      "#   strategy = \"all\"            # every strategy; also invalidation, or \"a,b\"\n"
      "# Values are numbers, booleans or strings (\"10ms\", \"64MiB\", \"1ms+exp(1ms)\").\n"
      "#\n"
      "#   cachelab sweep FILE [--dry-run] [--list] [--jobs N] [--db FILE]\n";
  std::string group;
  for (const auto& d : ParamDefs()) {
    if (d.group != group) {
      group = d.group;
      out += "\n# ---- " + group + " ----\n";
    }
    out += "\n# " + d.help + "\n" + d.name + " = " + TomlValue(d.default_value) + "\n";
  }
  out +=
      "\n# ---- the sweep itself (not parameters) ----\n"
      "[sweep]\n"
      "# shown in the summary and stored with every run\n"
      "name = \"reference\"\n"
      "description = \"every parameter at its default\"\n"
      "# seeds per point: the summary shows mean and 95% confidence interval\n"
      "replications = 1\n"
      "# summary columns (result field names, as in `cachelab run --json`)\n"
      "metrics = [\"hit_ratio\", \"latency_us.p99\", \"db_queries\", \"stale_reads\"]\n";
  return out;
}

}  // namespace cachelab
