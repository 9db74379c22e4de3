// Every experiment parameter, in one registry: name, default, help, group.
// The CLI makes one flag per parameter (--name), experiment files use the same
// names as keys, and the GUI builds its form from `cachelab params --json`, so
// the three never drift apart. Values are kept as text and parsed (with an
// error naming the parameter) when an experiment is built.
#pragma once
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/distribution.h"
#include "sim/time.h"

namespace cachelab {

struct ParamDef {
  std::string name;
  std::string default_value;
  std::string help;
  std::string group;
};

// All parameters, in display order. Areas add theirs in params_<area>.cc.
const std::vector<ParamDef>& ParamDefs();
const ParamDef* FindParam(const std::string& name);

// A bad parameter value: param() is the parameter's name (without dashes).
class ParamError : public std::runtime_error {
 public:
  ParamError(std::string param, const std::string& message)
      : std::runtime_error("--" + param + ": " + message), param_(std::move(param)) {}
  const std::string& param() const { return param_; }

 private:
  std::string param_;
};

// Upper bound of byte-size parameters (maxmemory, node-maxmemory): 1 PiB.
inline constexpr uint64_t kMaxBytes = uint64_t{1} << 50;
// Upper bound of --requests: 10^12, days of simulation at the fastest rate.
inline constexpr uint64_t kMaxRequests = 1000000000000;

class Params {
 public:
  // Every parameter at its default.
  Params();

  // Throws ParamError for an unknown name.
  void Set(const std::string& name, const std::string& value);
  const std::string& Raw(const std::string& name) const;
  bool IsDefault(const std::string& name) const;
  // Whether Set was called for it (a flag or file key given explicitly).
  bool Given(const std::string& name) const { return given_.count(name) > 0; }
  // Every (name, value), in registry order.
  std::vector<std::pair<std::string, std::string>> All() const;

  // Typed getters: throw ParamError naming the parameter on a bad value.
  uint64_t UInt(const std::string& name, uint64_t min = 0, uint64_t max = UINT64_MAX) const;
  int64_t Int(const std::string& name, int64_t min = INT64_MIN, int64_t max = INT64_MAX) const;
  double Real(const std::string& name, double min, double max) const;
  bool Bool(const std::string& name) const;
  SimTime Duration(const std::string& name, SimTime min = 0) const;
  uint64_t Bytes(const std::string& name) const;
  // `max` bounds the fixed part plus the mean (e.g. a value size of at most 512 MiB).
  Distribution Dist(const std::string& name, Distribution::Unit unit, double max = 0) const;
  std::string Choice(const std::string& name, const std::vector<std::string>& choices) const;
  // A comma-separated list (or "all" -> all_values).
  std::vector<std::string> List(const std::string& name, const std::vector<std::string>& all_values = {}) const;

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> given_;
};

}  // namespace cachelab
