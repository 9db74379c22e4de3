// When a parameter has an effect. Many parameters matter in one mode only
// (--flush-interval with write-behind, --clients with a closed loop); a value
// given for a mode the run does not use would be silently ignored, so it is
// refused instead. A scope names the parameter that picks the mode (the
// selector) and the selector values under which the scoped parameter applies.
//
// The rule: a parameter given explicitly (a flag or an experiment-file key)
// with a value other than its default must apply to at least one run of what
// was asked for (one run, a comparison
// such as --strategy all, or every point of a sweep). Parameters without a
// scope apply everywhere. To scope a new parameter, add a line to
// ParamScopes() in lab/param_scope.cc.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lab/params.h"

namespace cachelab {

struct ParamScope {
  std::string param;                // the scoped parameter
  std::string selector;             // a parameter, or a context name the caller supplies (e.g. "backend"
                                    // = "live" or "sim"); messages then name the flag --<selector>
  std::vector<std::string> values;  // selector values ("" = not given / empty)
  bool unless = false;              // false: applies when the selector is one of values; true: when it is none
  std::string instead;              // what to give instead, for the message ("" = nothing to suggest)
};

const std::vector<ParamScope>& ParamScopes();

// Whether `param` has an effect in `run`. `context` holds selectors that are
// not parameters (e.g. {"backend", "live"}); a missing one reads as "".
bool ParamApplies(const std::string& param, const Params& run,
                  const std::map<std::string, std::string>& context = {});

// Accumulates the runs of one request, then refuses any parameter given
// explicitly that applies to none of them. Streams: keeps only name sets.
class ScopeCheck {
 public:
  explicit ScopeCheck(std::map<std::string, std::string> context = {}) : context_(std::move(context)) {}
  void Add(const Params& run);
  // True once every scoped parameter given so far has applied somewhere:
  // further runs cannot change the outcome (a long sweep stops early).
  bool Settled() const { return started_ && given_.size() == applied_.size(); }
  // Throws ParamError ("applies only with --strategy write-behind") for the
  // first such parameter, in registry order.
  void Finish() const;

 private:
  std::map<std::string, std::string> context_;
  std::set<std::string> given_, applied_;
  std::map<std::string, const ParamScope*> failed_;  // the first scope that failed, by parameter
  bool started_ = false;
};

// ScopeCheck over a list of runs.
void CheckScopes(const std::vector<Params>& runs, const std::map<std::string, std::string>& context = {});

}  // namespace cachelab
