#include "cli/replay_experiment.h"

#include <algorithm>
#include <toml++/toml.h>

#include "cli/cache_size_arg.h"
#include "cli/commands.h"
#include "eviction/admission.h"
#include "eviction/policy.h"
#include "eviction/policy_params.h"
#include "lab/experiment_file.h"

namespace cachelab::cli {
namespace {

[[noreturn]] void Fail(const std::string& file, int line, const std::string& key, const std::string& why) {
  throw UsageError(file + ":" + std::to_string(line) + ": key '" + key + "': " + why);
}

int LineOf(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

// A string, or a number written as text (sizes: 4897, 0.1).
std::string Text(const std::string& file, const std::string& key, const toml::node& n) {
  if (auto s = n.as_string()) return s->get();
  if (auto i = n.as_integer()) return std::to_string(i->get());
  if (auto d = n.as_floating_point()) {
    std::string t = std::to_string(d->get());
    while (t.size() > 1 && t.back() == '0') t.pop_back();
    return t;
  }
  Fail(file, LineOf(n), key, "expected a string or a number");
}

// One value or a list of them, each with its line.
std::vector<std::pair<std::string, int>> List(const std::string& file, const std::string& key, const toml::node& n) {
  std::vector<std::pair<std::string, int>> out;
  if (auto a = n.as_array()) {
    for (const auto& item : *a) out.push_back({Text(file, key, item), LineOf(item)});
    if (out.empty()) Fail(file, LineOf(n), key, "an empty list");
  } else {
    out.push_back({Text(file, key, n), LineOf(n)});
  }
  return out;
}

std::vector<std::string> Values(const std::vector<std::pair<std::string, int>>& v) {
  std::vector<std::string> out;
  for (const auto& [text, line] : v) out.push_back(text);
  return out;
}

}  // namespace

ReplayFileValues LoadReplayExperiment(const std::string& path) {
  std::string text;
  try {
    text = ReadExperimentText(path);
  } catch (const ExperimentFileError& e) {
    throw UsageError(e.what());
  }
  return ParseReplayExperiment(text, path);
}

ReplayFileValues ParseReplayExperiment(const std::string& text, const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw UsageError(file + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  for (auto&& [k, v] : root)
    if (k.str() != "replay")
      Fail(file, static_cast<int>(k.source().begin.line), std::string(k.str()),
           "a replay experiment file holds one [replay] table");
  const toml::table* t = root["replay"].as_table();
  if (!t) throw UsageError(file + ": no [replay] table (see cli/replay_experiment.h or the README)");

  ReplayFileValues out;
  std::vector<std::pair<std::string, int>> policies, sizes, params;
  int admission_line = 0;
  for (auto&& [k, node] : *t) {
    // A named reference: clang 14 cannot capture a structured binding in a lambda.
    const toml::node& v = node;
    const std::string key(k.str());
    const int line = static_cast<int>(k.source().begin.line);
    auto str = [&]() -> std::string {
      if (!v.is_string()) Fail(file, line, key, "expected a string");
      return v.as_string()->get();
    };
    auto flag = [&]() -> bool {
      if (!v.is_boolean()) Fail(file, line, key, "expected true or false");
      return v.as_boolean()->get();
    };
    if (key == "trace") out.trace = str();
    else if (key == "format") out.format = str();
    else if (key == "csv-spec") out.csv_spec = str();
    else if (key == "window") out.window = Text(file, key, v);
    else if (key == "warmup") out.warmup = Text(file, key, v);
    else if (key == "admission") out.admission = str(), admission_line = line;
    else if (key == "policy") policies = List(file, key, v);
    else if (key == "size") sizes = List(file, key, v);
    else if (key == "policy-params") params = List(file, key, v);
    else if (key == "ignore-obj-size") out.object_mode = flag();
    else if (key == "use-ttl") out.use_ttl = flag();
    else if (key == "libcachesim-units") out.libcachesim_units = flag();
    else if (key == "skip-bad") out.skip_bad = flag();
    else if (key == "jobs") {
      if (!v.is_integer() || v.as_integer()->get() < 0 || v.as_integer()->get() > 1024)
        Fail(file, line, key, "expected a whole number from 0 to 1024");
      out.jobs = static_cast<unsigned>(v.as_integer()->get());
    } else {
      Fail(file, line, key,
           "unknown (known: trace, format, csv-spec, policy, size, policy-params, admission, ignore-obj-size, "
           "use-ttl, libcachesim-units, skip-bad, jobs, window, warmup)");
    }
  }

  // Values, checked where they stand.
  std::vector<std::string> canonical;
  for (const auto& [name, line] : policies) {
    std::string error;
    if (!eviction::MakePolicy(name, eviction::PolicyOptions{}, &error)) Fail(file, line, "policy", error);
    canonical.push_back(eviction::CanonicalPolicyName(name));
  }
  for (const auto& [size, line] : sizes) {
    try {
      ParseCacheSize(size, out.object_mode.value_or(false), out.libcachesim_units.value_or(false));
    } catch (const UsageError& e) {
      Fail(file, line, "size", e.what());
    }
  }
  for (const auto& [item, line] : params) {
    const size_t colon = item.find(':');
    if (colon == std::string::npos) Fail(file, line, "policy-params", "'" + item + "': expected POLICY:key=value,...");
    const std::string p = eviction::CanonicalPolicyName(item.substr(0, colon));
    if (!policies.empty() && std::find(canonical.begin(), canonical.end(), p) == canonical.end())
      Fail(file, line, "policy-params", "'" + item + "': " + p + " is not among the policies");
    eviction::PolicyOptions o;
    std::string error;
    if (!eviction::ApplyPolicyParams(p, item.substr(colon + 1), &o, &error)) Fail(file, line, "policy-params", error);
  }
  if (out.admission) {
    std::string error;
    if (!eviction::MakeAdmission(*out.admission, {}, &error)) Fail(file, admission_line, "admission", error);
  }
  if (!policies.empty()) out.policies = Values(policies);
  if (!sizes.empty()) out.sizes = Values(sizes);
  if (!params.empty()) out.policy_params = Values(params);
  return out;
}

}  // namespace cachelab::cli
