#include "gui/models/run_names.h"

#include <algorithm>
#include <set>

#include "gui/models/demo_invocations.h"

namespace cachelab::gui {
namespace {

// Parameters whose values are names: shown without "key=".
const std::vector<std::string>& ChoiceKeys() {
  static const std::vector<std::string> keys = {
      "strategy", "invalidation", "stampede", "partitioner", "scenario", "policy",
      "maxmemory-policy", "arrival", "redis-partitioner", "near-cache"};
  return keys;
}

// Keys that never describe what a run measured (output plumbing).
bool Ignored(const std::string& key) {
  static const std::set<std::string> ignored = {"db", "json", "progress", "no-store", "out", "jobs"};
  return ignored.count(key) > 0;
}

std::string ValueOf(const LoadedRun& r, const std::string& key, bool* present) {
  for (const auto& [k, v] : r.report.config)
    if (k == key) {
      *present = true;
      return v;
    }
  *present = false;
  return {};
}

}  // namespace

std::vector<std::string> VaryingKeys(const std::vector<LoadedRun>& runs) {
  std::vector<std::string> all;  // every key, in first-seen config order
  std::set<std::string> seen;
  for (const auto& r : runs)
    for (const auto& [k, v] : r.report.config)
      if (!Ignored(k) && seen.insert(k).second) all.push_back(k);
  std::vector<std::string> varying;
  for (const auto& key : all) {
    bool first_present = false;
    std::string first = ValueOf(runs.front(), key, &first_present);
    for (const auto& r : runs) {
      bool present = false;
      std::string v = ValueOf(r, key, &present);
      if (present != first_present || v != first) {
        varying.push_back(key);
        break;
      }
    }
  }
  const auto& choice = ChoiceKeys();
  auto rank = [&](const std::string& k) {
    auto it = std::find(choice.begin(), choice.end(), k);
    return it == choice.end() ? choice.size() : static_cast<size_t>(it - choice.begin());
  };
  std::stable_sort(varying.begin(), varying.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  return varying;
}

QString ParamText(const std::string& key, const std::string& value) {
  const auto& choice = ChoiceKeys();
  if (std::find(choice.begin(), choice.end(), key) != choice.end() && !value.empty())
    return QString::fromStdString(value);
  return QString::fromStdString(key + "=" + (value.empty() ? "–" : value));
}

void NameByVaryingParameters(std::vector<LoadedRun>& runs) {
  if (runs.empty()) return;
  std::vector<std::string> keys = runs.size() > 1 ? VaryingKeys(runs) : std::vector<std::string>{};
  for (auto& r : runs) {
    QString variant = FieldText(r.report.fields, "variant");
    if (!variant.isEmpty()) {
      r.name = variant;
      continue;
    }
    QStringList parts;
    for (const auto& k : keys) {
      bool present = false;
      std::string v = ValueOf(r, k, &present);
      parts << ParamText(k, present ? v : std::string());
    }
    if (runs.size() == 1) {  // alone, a run is named by what it is
      QString label = QString::fromStdString(r.report.label);
      parts << (label.isEmpty() ? QString::fromStdString(r.report.kind) : label);
    }
    r.name = parts.isEmpty() ? QStringLiteral("#%1").arg(r.id) : parts.join(' ');
  }
}

}  // namespace cachelab::gui
