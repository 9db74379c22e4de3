// Probabilistic admission: admit each missed object with probability p,
// independently, so an object that keeps missing gets in after ~1/p misses
// and one-hit wonders mostly stay out. Parameters: p= (alias prob=,
// libCacheSim's key; default 0.5 as there), seed= (default: the replay's).
// Source: libCacheSim cache/admission/prob.c (commit aa0fc409). Its draws come
// from a generator that cachesim seeds with time(NULL), so cachesim's counts
// vary from run to run; ours come from a seeded SplitMix64 stream
// (SampleRng::ForAdmission in sample_rng.h) and repeat exactly for a seed. The check against cachesim is
// therefore statistical (tests/eviction_admission_test.cc).
#include "eviction/admission.h"
#include "eviction/sample_rng.h"

namespace cachelab::eviction {
namespace {

class ProbAdmission final : public Admission {
 public:
  ProbAdmission(double p, uint64_t seed) : p_(p), rng_(SampleRng::ForAdmission(seed)) {}
  std::string_view Name() const override { return "prob"; }
  bool Admit(uint64_t, uint64_t, uint64_t) override { return rng_.Uniform() < p_; }

 private:
  double p_;
  SampleRng rng_;
};

}  // namespace

std::unique_ptr<Admission> MakeProbAdmission(std::string_view params, const AdmissionContext& c, std::string* error) {
  std::vector<AdmissionParam> kv;
  if (!SplitAdmissionParams("prob", params, &kv, error)) return nullptr;
  double p = 0.5, seed = static_cast<double>(c.seed);
  for (const auto& item : kv) {
    if (item.key == "p" || item.key == "prob") {
      if (!AdmissionNumber("prob", item, 0, 1, &p, error)) return nullptr;
      if (p <= 0) {
        *error = "prob admission p must be in (0, 1], got " + item.value;
        return nullptr;
      }
    } else if (item.key == "seed") {
      if (!AdmissionNumber("prob", item, 0, 9.0e15, &seed, error)) return nullptr;
    } else {
      *error = "prob admission has no parameter '" + item.key + "' (p, seed)";
      return nullptr;
    }
  }
  return std::make_unique<ProbAdmission>(p, static_cast<uint64_t>(seed));
}

}  // namespace cachelab::eviction
