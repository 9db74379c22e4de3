// LHD, Least Hit Density (Beckmann, Chen & Cidon, NSDI'18), as libCacheSim's
// LHD (its port of the authors' code, cache/eviction/LHD) runs it. Each cached
// object has an age (accesses since its last access, coarsened by >> shift,
// shift starting at 10, capped at 20,000) and a class from its last two hit
// ages (16 log-spaced classes). Eviction ranks 8 random cached objects (32 after
// 50 reconfigurations) plus up to 8 recently admitted ones by hit density,
// density[class][age] / size (+1 for "explorer" objects; the capped age ranks
// lowest), and evicts the lowest. Densities start as (class + 17) / (age + 1)
// (libCacheSim's (c + 1) / (a + 1) for its application class 1) and are
// re-modelled every 2^20 accesses from EWMA-decayed (0.9) hit and eviction
// age histograms: density(a) = hits at ages >= a / sum over ages >= a of
// events at ages >= that age. At the 5th and 25th reconfiguration the age shift
// is re-chosen so 20,000 coarse ages cover the cached objects 100 times over.
// A new object is an explorer with chance 1/32 while the explorer budget (1%
// of the cache) lasts and before 50 reconfigurations; a new non-explorer
// below the EWMA of victims' densities joins the recently admitted ring.
// Randomized: compared with cachesim in distribution
// (tests/eviction_randomized_reference_test.cc). Traces under 2^20 accesses
// never reconfigure, in cachesim as here.
#pragma once
#include <vector>

#include "eviction/policy.h"
#include "eviction/sample_rng.h"

namespace cachelab::eviction {

class LhdPolicy final : public Policy {
 public:
  explicit LhdPolicy(const PolicyOptions& o);
  std::string_view Name() const override { return "lhd"; }
  void Insert(Handle h, uint64_t id, uint64_t size, uint64_t now) override;
  void Access(Handle h, uint64_t now) override;
  void Remove(Handle h) override;
  Handle Evict(uint64_t now) override;

  static constexpr uint32_t kMaxAge = 20000;
  static constexpr uint32_t kClasses = 16;
  static constexpr uint64_t kAccessesPerReconfiguration = 1 << 20;

 private:
  struct Tag {
    uint64_t timestamp, last_hit_age, last_last_hit_age;
    Handle h;
    uint32_t size;
    bool explorer;
  };
  struct Class {
    std::vector<float> hits, evictions, density;
  };
  uint32_t ClassOf(const Tag& t) const;
  uint64_t AgeOf(const Tag& t) const;
  float Density(const Tag& t) const;
  void Update(Handle h, bool insert, uint64_t size);
  void Forget(Handle h);  // drop h's tag (swap with the last)
  void Reconfigure();
  void AdaptAgeCoarsening();
  void ModelHitDensity();

  const uint32_t associativity_, admissions_;
  SampleRng rng_;
  std::vector<Tag> tags_;       // the cached objects, dense (sampled uniformly)
  std::vector<uint32_t> slot_;  // handle -> index in tags_
  std::vector<Class> classes_;
  std::vector<Handle> recent_;  // ring of recently admitted handles (kNoHandle: empty)
  std::vector<uint64_t> recent_ids_;  // their ids when admitted (a handle may be reused)
  std::vector<uint64_t> ids_;   // handle -> id
  uint32_t recent_head_ = 0;
  uint64_t timestamp_ = 0, next_reconfiguration_ = kAccessesPerReconfiguration;
  int reconfigurations_ = 0;
  uint32_t shift_ = 10;
  float ewma_objects_ = 0, ewma_objects_mass_ = 0, ewma_victim_density_ = 0;
  int64_t explorer_budget_;
};

}  // namespace cachelab::eviction
