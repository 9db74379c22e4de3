// Size-threshold admission: admit an object only when its size is below the
// threshold (strictly, as libCacheSim's size.c: `obj_size < size`), so large
// objects cannot flush many small ones. Parameter: size=BYTES (libCacheSim's
// key; without it every object is admitted, as there). In object mode every
// size is 1, as in cachesim with --ignore-obj-size.
// Source: libCacheSim cache/admission/size.c (commit aa0fc409); the rule is the
// size-threshold admission of CDN caches (e.g. Berger et al., NSDI'17, §2).
// Deterministic: matches `cachesim -a size --admission-params size=N` exactly
// for the policies whose can_insert consults the admissioner.
#include <cstdint>

#include "eviction/admission.h"

namespace cachelab::eviction {
namespace {

class SizeAdmission final : public Admission {
 public:
  explicit SizeAdmission(uint64_t threshold) : threshold_(threshold) {}
  std::string_view Name() const override { return "size"; }
  bool Admit(uint64_t, uint64_t size, uint64_t) override { return size < threshold_; }

 private:
  uint64_t threshold_;
};

}  // namespace

std::unique_ptr<Admission> MakeSizeAdmission(std::string_view params, const AdmissionContext&, std::string* error) {
  std::vector<AdmissionParam> kv;
  if (!SplitAdmissionParams("size", params, &kv, error)) return nullptr;
  uint64_t threshold = UINT64_MAX;
  for (const auto& p : kv) {
    double v = 0;
    if (p.key != "size") {
      *error = "size admission has no parameter '" + p.key + "' (size)";
      return nullptr;
    }
    if (!AdmissionNumber("size", p, 1, 9.0e18, &v, error)) return nullptr;
    threshold = static_cast<uint64_t>(v);
  }
  return std::make_unique<SizeAdmission>(threshold);
}

}  // namespace cachelab::eviction
