#include "lab/experiment_file.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "lab/batch.h"
#include "lab/param_scope.h"
#include "sim/printable.h"

namespace cachelab {
namespace {

std::string Where(const std::string& file, int line) {
  return line > 0 ? file + ":" + std::to_string(line) + ": " : file + ": ";
}

[[noreturn]] void Fail(const std::string& file, int line, const std::string& key, const std::string& why) {
  throw ExperimentFileError(Where(file, line) + "key '" + Printable(key) + "': " + why);
}

bool IsBoolText(const std::string& v) {
  return v == "true" || v == "false" || v == "on" || v == "off" || v == "yes" || v == "no";
}

std::string FormatDouble(double d) {
  char buf[64];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, p);
}

const char* TypeName(toml::node_type t) {
  switch (t) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "a list";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    default: return "a date or time";
  }
}

// One scalar TOML value as parameter text; throws for a type the parameter cannot take.
std::string ScalarText(const std::string& file, const std::string& key, const toml::node& n) {
  int line = static_cast<int>(n.source().begin.line);
  bool bool_param = IsBoolText(FindParam(key)->default_value);
  switch (n.type()) {
    case toml::node_type::string: return n.as_string()->get();
    case toml::node_type::integer:
      if (bool_param) Fail(file, line, key, "expected a boolean (true or false), got an integer");
      return std::to_string(n.as_integer()->get());
    case toml::node_type::floating_point:
      if (bool_param) Fail(file, line, key, "expected a boolean (true or false), got a number");
      return FormatDouble(n.as_floating_point()->get());
    case toml::node_type::boolean:
      if (!bool_param) Fail(file, line, key, "expected a number or a string, got a boolean");
      return n.as_boolean()->get() ? "true" : "false";
    default:
      Fail(file, line, key, std::string("expected a value, got ") + TypeName(n.type()));
  }
}

const ComparisonParam* FindComparison(const std::string& name) {
  for (const auto& cp : ComparisonParams())
    if (cp.name == name) return &cp;
  return nullptr;
}

// "all" and comma lists of comparison parameters name several values.
std::vector<std::string> ExpandValue(const std::string& key, const std::string& v) {
  const ComparisonParam* cp = FindComparison(key);
  if (!cp) return {v};
  if (v == "all") return cp->all_values();
  std::vector<std::string> out;
  std::stringstream ss(v);
  for (std::string item; std::getline(ss, item, ',');) out.push_back(item);
  if (out.empty()) out.push_back(v);
  return out;
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}

std::string Suggestion(const std::string& key) {
  std::string best;
  size_t best_d = 3;
  for (const auto& d : ParamDefs()) {
    size_t dist = EditDistance(key, d.name);
    if (dist < best_d) best_d = dist, best = d.name;
  }
  return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

void ParseSweepTable(const std::string& file, const toml::table& t, SweepSettings* s) {
  for (auto&& entry : t) {
    const auto& k = entry.first;  // not a structured binding: clang 14 cannot capture one in a lambda
    const toml::node& v = entry.second;
    std::string key(k.str());
    int line = static_cast<int>(k.source().begin.line);
    auto want = [&](toml::node_type type) {
      if (v.type() != type) Fail(file, line, "sweep." + key, std::string("expected ") + TypeName(type) + ", got " + TypeName(v.type()));
    };
    if (key == "name" || key == "description") {
      want(toml::node_type::string);
      (key == "name" ? s->name : s->description) = v.as_string()->get();
    } else if (key == "replications") {
      want(toml::node_type::integer);
      int64_t r = v.as_integer()->get();
      if (r < 1 || r > 10000) Fail(file, line, "sweep." + key, "must be between 1 and 10000");
      s->replications = static_cast<uint64_t>(r);
    } else if (key == "metrics") {
      want(toml::node_type::array);
      s->metrics_line = line;
      for (const auto& m : *v.as_array()) {
        if (!m.is_string()) Fail(file, line, "sweep.metrics", "expected a list of field names (strings)");
        s->metrics.push_back(m.as_string()->get());
      }
    } else {
      Fail(file, line, "sweep." + key, "unknown setting (known: name, description, replications, metrics)");
    }
  }
}

// Mixed-radix digits of a point: which value of each axis it takes.
std::vector<size_t> AxisIndices(const std::vector<SweepAxis>& axes, size_t point) {
  std::vector<size_t> idx(axes.size());
  for (size_t a = axes.size(); a-- > 0;) {
    idx[a] = point % axes[a].values.size();
    point /= axes[a].values.size();
  }
  return idx;
}

int LineOf(const ExperimentFile& f, const std::string& param, size_t point) {
  for (size_t a = 0; a < f.axes.size(); ++a)
    if (f.axes[a].param == param) return f.axes[a].lines[AxisIndices(f.axes, point)[a]];
  for (const auto& [k, line] : f.key_lines)
    if (k == param) return line;
  return 0;
}

// Runs one point's probe; a ParamError names the file line of the value at fault.
RunReport Probe(const ExperimentFile& f, size_t point) {
  SweepRun run = f.Run(point * f.sweep.replications);  // replication 0: only the seed differs in the others
  try {
    return ValidateParams(run.params);
  } catch (const ParamError& e) {
    std::string msg = e.what(), prefix = "--" + e.param() + ": ";
    if (msg.rfind(prefix, 0) == 0) msg = msg.substr(prefix.size());
    Fail(f.path, LineOf(f, e.param(), point), e.param(), msg);
  } catch (const std::exception& e) {
    throw ExperimentFileError(Where(f.path, 0) + "run " + std::to_string(point + 1) + ": " + e.what());
  }
}

// The point where axis `a` takes value `v` and every other axis its first value.
size_t PointWith(const ExperimentFile& f, size_t a, size_t v) {
  size_t point = 0;
  for (size_t i = 0; i < f.axes.size(); ++i) point = point * f.axes[i].values.size() + (i == a ? v : 0);
  return point;
}

void Validate(const ExperimentFile& f) {
  size_t points = f.PointCount();
  ScopeCheck scopes;
  for (size_t p = 0; p < points && !scopes.Settled(); ++p) scopes.Add(f.Run(p * f.sweep.replications).params);
  try {
    scopes.Finish();
  } catch (const ParamError& e) {
    std::string msg = e.what(), prefix = "--" + e.param() + ": ";
    if (msg.rfind(prefix, 0) == 0) msg = msg.substr(prefix.size());
    Fail(f.path, LineOf(f, e.param(), 0), e.param(), msg);
  }
  // Every point is built once (a probe of one request) while that stays quick;
  // a larger product checks every value of every axis, the rest at run time.
  std::set<std::string> fields;
  auto probe = [&](size_t point) {
    for (const auto& field : Probe(f, point).fields) fields.insert(field.name);
  };
  if (points <= kFullyValidatedPoints) {
    for (size_t p = 0; p < points; ++p) probe(p);
  } else {
    for (size_t a = 0; a < f.axes.size(); ++a)
      for (size_t v = 0; v < f.axes[a].values.size(); ++v) probe(PointWith(f, a, v));
  }
  for (const auto& m : f.sweep.metrics) {
    if (fields.count(m)) continue;
    std::string best;
    size_t best_d = 4;
    for (const auto& name : fields)
      if (size_t d = EditDistance(m, name); d < best_d) best_d = d, best = name;
    Fail(f.path, f.sweep.metrics_line, "sweep.metrics",
         "no run reports a field '" + Printable(m) + "'" + (best.empty() ? "" : " (did you mean '" + best + "'?)") +
             "; `cachelab run --json` lists the fields");
  }
}

}  // namespace

uint64_t ReplicationSeed(uint64_t base_seed, uint64_t replication) {
  if (replication == 0) return base_seed;
  uint64_t z = base_seed + replication * 0x9E3779B97F4A7C15ull;  // SplitMix64
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return (z ^ (z >> 31)) >> 33;  // 31 bits: short enough to read and retype
}

size_t ExperimentFile::PointCount() const {
  size_t n = 1;
  for (const auto& a : axes) n *= a.values.size();
  return n;
}

SweepRun ExperimentFile::Run(size_t index) const {
  size_t point = index / sweep.replications;
  uint64_t replication = index % sweep.replications;
  SweepRun run{base, point, replication};
  std::vector<size_t> idx = AxisIndices(axes, point);
  for (size_t a = 0; a < axes.size(); ++a) run.params.Set(axes[a].param, axes[a].values[idx[a]]);
  if (replication > 0) {
    uint64_t seed = 0;
    try {
      seed = run.params.UInt("seed");
    } catch (const ParamError&) {
      seed = 0;  // reported by validation
    }
    run.params.Set("seed", std::to_string(ReplicationSeed(seed, replication)));
  }
  return run;
}

std::vector<SweepRun> ExperimentFile::Expand() const {
  std::vector<SweepRun> out;
  out.reserve(RunCount());
  for (size_t i = 0; i < RunCount(); ++i) out.push_back(Run(i));
  return out;
}

ExperimentFile ParseExperimentText(const std::string& text, const std::string& source_name) {
  ExperimentFile f;
  f.path = source_name;
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    throw ExperimentFileError(Where(source_name, static_cast<int>(e.source().begin.line)) +
                              Printable(e.description(), 200));
  }
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, int>>>> given;  // key -> (value, line)
  for (auto&& [k, v] : root) {
    std::string key(k.str());
    int line = static_cast<int>(k.source().begin.line);
    if (key == "sweep" && v.is_table()) {
      ParseSweepTable(source_name, *v.as_table(), &f.sweep);
      continue;
    }
    if (!FindParam(key)) Fail(source_name, line, key, "unknown parameter" + Suggestion(key));
    f.key_lines.emplace_back(key, line);
    std::vector<std::pair<std::string, int>> values;
    if (const toml::array* arr = v.as_array()) {
      if (arr->empty()) Fail(source_name, line, key, "empty list");
      for (const auto& item : *arr) {
        int item_line = static_cast<int>(item.source().begin.line);
        for (auto& x : ExpandValue(key, ScalarText(source_name, key, item))) values.emplace_back(x, item_line ? item_line : line);
      }
    } else {
      for (auto& x : ExpandValue(key, ScalarText(source_name, key, v))) values.emplace_back(x, line);
    }
    given.emplace_back(key, std::move(values));
  }
  // Axes in registry order, so the product order does not depend on how the file is laid out.
  for (const auto& d : ParamDefs()) {
    for (const auto& [key, values] : given) {
      if (key != d.name) continue;
      if (values.size() == 1) {
        f.base.Set(key, values[0].first);
        continue;
      }
      SweepAxis axis{key, {}, {}};
      for (const auto& [v, line] : values) axis.values.push_back(v), axis.lines.push_back(line);
      f.axes.push_back(std::move(axis));
    }
  }
  // Multiplied with an overflow check: a product past 2^64 must not wrap to a small count.
  size_t runs = f.sweep.replications;
  for (const auto& a : f.axes)
    if (__builtin_mul_overflow(runs, a.values.size(), &runs) || runs > kMaxSweepRuns) break;
  if (runs > kMaxSweepRuns)
    throw ExperimentFileError(Where(source_name, 0) + "the sweep has more than 1,000,000 runs (points x replications)");
  Validate(f);
  return f;
}

ExperimentFile LoadExperimentFile(const std::string& path) { return ParseExperimentText(ReadExperimentText(path), path); }

std::string ReadExperimentText(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st))
    throw ExperimentFileError(path + ": cannot open the experiment file (" + (ec ? ec.message() : "no such file") + ")");
  if (fs::is_directory(st)) throw ExperimentFileError(path + ": is a directory, not an experiment file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ExperimentFileError(path + ": cannot open the experiment file (permission denied?)");
  // Read at most the limit plus one byte: an endless stream (/dev/zero) stops here.
  std::string text(kMaxExperimentFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) throw ExperimentFileError(path + ": read error");
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > kMaxExperimentFileBytes)
    throw ExperimentFileError(path + ": larger than 1 MiB; an experiment file is a short TOML text");
  if (size_t nul = text.find('\0'); nul != std::string::npos)
    throw ExperimentFileError(path + ": binary data (a NUL byte at offset " + std::to_string(nul) +
                              "); an experiment file is a TOML text");
  return text;
}

}  // namespace cachelab
