// Reading a stored run's config and fields by name; absent names are normal
// (areas add parameters and metrics over time), so lookups never throw.
#pragma once
#include <optional>
#include <string>

#include "results/result_store.h"

namespace cachelab::gui {

std::optional<double> AsNumber(const FieldValue& v);
std::string ConfigOf(const RunSummary& r, const std::string& key);
std::optional<double> FieldNumber(const std::vector<Field>& fields, const std::string& name);
inline std::optional<double> FieldNumber(const RunSummary& r, const std::string& name) {
  return FieldNumber(r.fields, name);
}

}  // namespace cachelab::gui
