#include "gui/models/summary_lookup.h"

namespace cachelab::gui {

std::string ConfigOf(const RunSummary& r, const std::string& key) {
  for (const auto& [k, v] : r.config)
    if (k == key) return v;
  return "";
}

std::optional<double> FieldNumber(const std::vector<Field>& fields, const std::string& name) {
  for (const auto& f : fields) {
    if (f.name == name) return AsNumber(f.value);
  }
  return std::nullopt;
}

std::optional<double> AsNumber(const FieldValue& v) {
  if (auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  return std::nullopt;
}

}  // namespace cachelab::gui
