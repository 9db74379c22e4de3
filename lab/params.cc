#include "lab/params.h"

#include <charconv>
#include <cmath>

#include "sim/exact_int.h"
#include "sim/printable.h"

namespace cachelab {

// Each area's parameters live beside it; they are concatenated here.
std::vector<ParamDef> CoreParamDefs();
std::vector<ParamDef> ClusterParamDefs();
std::vector<ParamDef> StrategyParamDefs();
std::vector<ParamDef> InvalidationParamDefs();
std::vector<ParamDef> LiveParamDefs();
std::vector<ParamDef> TraceParamDefs();

const std::vector<ParamDef>& ParamDefs() {
  static const std::vector<ParamDef> defs = [] {
    std::vector<ParamDef> all;
    for (auto part : {CoreParamDefs, InvalidationParamDefs, StrategyParamDefs, ClusterParamDefs, LiveParamDefs,
                      TraceParamDefs}) {
      auto v = part();
      all.insert(all.end(), v.begin(), v.end());
    }
    return all;
  }();
  return defs;
}

const ParamDef* FindParam(const std::string& name) {
  for (const auto& d : ParamDefs())
    if (d.name == name) return &d;
  return nullptr;
}

Params::Params() {
  for (const auto& d : ParamDefs()) values_[d.name] = d.default_value;
}

void Params::Set(const std::string& name, const std::string& value) {
  if (!FindParam(name)) throw ParamError(name, "unknown parameter");
  values_[name] = value;
  given_.insert(name);
}

const std::string& Params::Raw(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw ParamError(name, "unknown parameter");
  return it->second;
}

bool Params::IsDefault(const std::string& name) const { return Raw(name) == FindParam(name)->default_value; }

std::vector<std::pair<std::string, std::string>> Params::All() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& d : ParamDefs()) out.emplace_back(d.name, values_.at(d.name));
  return out;
}

static std::string Quote(const std::string& v) { return "invalid value '" + Printable(v) + "'"; }

uint64_t Params::UInt(const std::string& name, uint64_t min, uint64_t max) const {
  const std::string& v = Raw(name);
  // Exact: 1e6 and 1_000_000 style counts as well as plain integers, never through a double.
  uint64_t x = 0;
  std::string why = ParseExactUInt(v, &x);
  if (!why.empty()) {
    if (why.rfind("above", 0) == 0) why = "must be between " + std::to_string(min) + " and " + std::to_string(max);
    else why = "expected a non-negative integer";
    throw ParamError(name, Quote(v) + " (" + why + ")");
  }
  if (x < min || x > max)
    throw ParamError(name, Quote(v) + " (must be between " + std::to_string(min) + " and " + std::to_string(max) + ")");
  return x;
}

int64_t Params::Int(const std::string& name, int64_t min, int64_t max) const {
  const std::string& v = Raw(name);
  int64_t x;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size()) throw ParamError(name, Quote(v) + " (expected an integer)");
  if (x < min || x > max)
    throw ParamError(name, Quote(v) + " (must be between " + std::to_string(min) + " and " + std::to_string(max) + ")");
  return x;
}

double Params::Real(const std::string& name, double min, double max) const {
  const std::string& v = Raw(name);
  double x;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size() || !std::isfinite(x))
    throw ParamError(name, Quote(v) + " (expected a number)");
  if (x < min || x > max) {
    char buf[128];
    std::snprintf(buf, sizeof buf, " (must be between %g and %g)", min, max);
    throw ParamError(name, Quote(v) + buf);
  }
  return x;
}

bool Params::Bool(const std::string& name) const {
  const std::string& v = Raw(name);
  if (v == "true" || v == "1" || v == "yes" || v == "on") return true;
  if (v == "false" || v == "0" || v == "no" || v == "off") return false;
  throw ParamError(name, Quote(v) + " (expected true or false)");
}

SimTime Params::Duration(const std::string& name, SimTime min) const {
  const std::string& v = Raw(name);
  SimTime t;
  if (!ParseDuration(v, &t)) throw ParamError(name, Quote(v) + " (expected a duration such as 250us, 10ms, 30s)");
  if (t < min) throw ParamError(name, Quote(v) + " (must be at least " + FormatDuration(min) + ")");
  return t;
}

uint64_t Params::Bytes(const std::string& name) const {
  const std::string& v = Raw(name);
  double b;
  if (!ParseBytes(v, &b))
    throw ParamError(name, Quote(v) + " (expected a size such as 4096, 64KiB, 1GiB" + RedisUnitHint(v) + ")");
  // 1 PiB: far above any machine the lab simulates, and exact in a double.
  if (b > static_cast<double>(kMaxBytes)) throw ParamError(name, Quote(v) + " (must be at most 1PiB)");
  return static_cast<uint64_t>(std::llround(b));
}

Distribution Params::Dist(const std::string& name, Distribution::Unit unit, double max) const {
  Distribution d;
  std::string err = Distribution::Parse(Raw(name), unit, &d);
  if (!err.empty())
    throw ParamError(name, Quote(Raw(name)) + ": " + err + " (expected e.g. 200us, 100us+exp(50us), 1ms+lognormal(2ms,0.5))");
  if (max > 0 && d.Mean() > max) {
    char buf[64];
    if (unit == Distribution::Unit::kBytes && std::fmod(max, 1048576.0) == 0)
      std::snprintf(buf, sizeof buf, "%.0fMiB", max / 1048576.0);
    else
      std::snprintf(buf, sizeof buf, "%.0f", max);
    throw ParamError(name, Quote(Raw(name)) + " (the mean must be at most " + buf + ")");
  }
  return d;
}

std::string Params::Choice(const std::string& name, const std::vector<std::string>& choices) const {
  const std::string& v = Raw(name);
  for (const auto& c : choices)
    if (c == v) return v;
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
  throw ParamError(name, Quote(v) + " (choose one of: " + list + ")");
}

std::vector<std::string> Params::List(const std::string& name, const std::vector<std::string>& all_values) const {
  const std::string& v = Raw(name);
  if (v == "all" && !all_values.empty()) return all_values;
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= v.size()) {
    size_t comma = v.find(',', start);
    if (comma == std::string::npos) comma = v.size();
    std::string item = v.substr(start, comma - start);
    if (item.empty()) throw ParamError(name, Quote(v) + " (empty list item)");
    out.push_back(item);
    start = comma + 1;
  }
  return out;
}

}  // namespace cachelab
