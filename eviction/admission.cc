// The admission-filter registry and the k=v parsing the filters share.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "eviction/admission.h"
#include "eviction/param_text.h"

namespace cachelab::eviction {


std::vector<std::string> AdmissionNames() { return {"bloom", "prob", "size", "adaptsize"}; }

std::unique_ptr<Admission> MakeAdmission(std::string_view spec, const AdmissionContext& c, std::string* error) {
  const size_t colon = spec.find(':');
  const std::string name = Lower(Trim(spec.substr(0, colon)));
  const std::string_view params = colon == std::string_view::npos ? std::string_view{} : spec.substr(colon + 1);
  if (name == "bloom" || name == "bloom-filter" || name == "bloomfilter") return MakeBloomAdmission(params, c, error);
  if (name == "prob") return MakeProbAdmission(params, c, error);
  if (name == "size") return MakeSizeAdmission(params, c, error);
  if (name == "adaptsize") return MakeAdaptSizeAdmission(params, c, error);
  *error = "unknown admission filter '" + std::string(Trim(spec.substr(0, colon))) + "' (bloom, prob, size, adaptsize)";
  return nullptr;
}

bool SplitAdmissionParams(std::string_view filter, std::string_view params, std::vector<AdmissionParam>* out,
                          std::string* error) {
  while (!params.empty()) {
    const size_t comma = params.find(',');
    const std::string_view item = Trim(params.substr(0, comma));
    params = comma == std::string_view::npos ? std::string_view{} : params.substr(comma + 1);
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      *error = std::string(filter) + " admission: '" + std::string(item) + "' is not key=value";
      return false;
    }
    out->push_back({Lower(Trim(item.substr(0, eq))), std::string(Trim(item.substr(eq + 1)))});
  }
  return true;
}

bool AdmissionNumber(std::string_view filter, const AdmissionParam& p, double lo, double hi, double* out,
                     std::string* error) {
  double v = 0;
  const char* b = p.value.data();
  const char* e = b + p.value.size();
  auto [end, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || end != e || !std::isfinite(v)) {
    *error = std::string(filter) + " admission " + p.key + ": bad number '" + p.value + "'";
    return false;
  }
  if (v < lo || v > hi) {
    char range[96];
    std::snprintf(range, sizeof range, "[%g, %g]", lo, hi);
    *error = std::string(filter) + " admission " + p.key + " must be in " + range + ", got " + p.value;
    return false;
  }
  *out = v;
  return true;
}

}  // namespace cachelab::eviction
