#include "eviction/lhd.h"

#include <limits>

namespace cachelab::eviction {
namespace {
constexpr uint32_t kNone = UINT32_MAX;
constexpr float kEwmaDecay = 0.9f;
constexpr uint32_t kExploreInverseProbability = 32;
constexpr int kExploreUntil = 50;  // reconfigurations
}  // namespace

LhdPolicy::LhdPolicy(const PolicyOptions& o)
    : associativity_(static_cast<uint32_t>(o.lhd_associativity)),
      admissions_(static_cast<uint32_t>(o.lhd_admissions)),
      rng_(o.seed),
      classes_(kClasses),
      recent_(admissions_, kNoHandle),
      recent_ids_(admissions_, 0),
      explorer_budget_(static_cast<int64_t>(static_cast<double>(o.capacity) * 0.01)) {
  for (uint32_t c = 0; c < kClasses; ++c) {
    Class& k = classes_[c];
    k.hits.assign(kMaxAge, 0);
    k.evictions.assign(kMaxAge, 0);
    k.density.resize(kMaxAge);
    // libCacheSim's class index is app * 16 + c with app 1.
    for (uint32_t a = 0; a < kMaxAge; ++a) k.density[a] = static_cast<float>(1. * (kClasses + c + 1) / (a + 1));
  }
}

uint32_t LhdPolicy::ClassOf(const Tag& t) const {
  uint64_t age = t.last_hit_age + t.last_last_hit_age;
  if (age == 0) return kClasses - 1;
  uint32_t log = 0;
  while (age < kMaxAge && log < kClasses - 1) {
    age <<= 1;
    ++log;
  }
  return log;
}

uint64_t LhdPolicy::AgeOf(const Tag& t) const {
  const uint64_t age = (timestamp_ - t.timestamp) >> shift_;
  return age >= kMaxAge ? kMaxAge - 1 : age;
}

float LhdPolicy::Density(const Tag& t) const {
  const uint64_t age = AgeOf(t);
  if (age == kMaxAge - 1) return std::numeric_limits<float>::lowest();
  float d = classes_[ClassOf(t)].density[age] / static_cast<float>(t.size);
  if (t.explorer) d += 1.f;
  return d;
}

void LhdPolicy::Update(Handle h, bool insert, uint64_t size) {
  Tag* t;
  if (insert) {
    if (h >= slot_.size()) slot_.resize(h + 1 + h / 2, kNone);
    slot_[h] = static_cast<uint32_t>(tags_.size());
    tags_.push_back(Tag{0, 0, kMaxAge, h, 0, false});
    t = &tags_.back();
  } else {
    t = &tags_[slot_[h]];
    const uint64_t age = AgeOf(*t);
    classes_[ClassOf(*t)].hits[age] += 1;
    if (t->explorer) explorer_budget_ += t->size;
    t->last_last_hit_age = t->last_hit_age;
    t->last_hit_age = age;
  }
  t->timestamp = timestamp_;
  t->size = static_cast<uint32_t>(size);
  const bool explore = rng_.Below(kExploreInverseProbability) == 0;
  t->explorer = explore && explorer_budget_ > 0 && reconfigurations_ < kExploreUntil;
  if (t->explorer) explorer_budget_ -= t->size;
  if (insert && !explore && Density(*t) < ewma_victim_density_) {
    recent_[recent_head_ % admissions_] = h;
    recent_ids_[recent_head_ % admissions_] = ids_[h];
    ++recent_head_;
  }
  ++timestamp_;
  if (--next_reconfiguration_ == 0) {
    Reconfigure();
    next_reconfiguration_ = kAccessesPerReconfiguration;
    ++reconfigurations_;
  }
}

void LhdPolicy::Insert(Handle h, uint64_t id, uint64_t size, uint64_t) {
  if (h >= ids_.size()) ids_.resize(h + 1 + h / 2);
  ids_[h] = id;
  Update(h, true, size);
}

void LhdPolicy::Access(Handle h, uint64_t) { Update(h, false, tags_[slot_[h]].size); }

void LhdPolicy::Forget(Handle h) {
  const uint32_t i = slot_[h];
  tags_[i] = tags_.back();
  slot_[tags_[i].h] = i;
  tags_.pop_back();
  slot_[h] = kNone;
}

void LhdPolicy::Remove(Handle h) {
  if (tags_[slot_[h]].explorer) explorer_budget_ += tags_[slot_[h]].size;
  Forget(h);
}

Handle LhdPolicy::Evict(uint64_t) {
  if (tags_.empty()) return kNoHandle;
  uint32_t victim = kNone;
  float best = std::numeric_limits<float>::max();
  const uint32_t candidates = reconfigurations_ > kExploreUntil ? associativity_ : 8;
  for (uint32_t i = 0; i < candidates; ++i) {
    const auto idx = static_cast<uint32_t>(rng_.Below(tags_.size()));
    const float d = Density(tags_[idx]);
    if (d < best) victim = idx, best = d;
  }
  for (uint32_t i = 0; i < admissions_; ++i) {
    const Handle h = recent_[i];
    if (h == kNoHandle || h >= slot_.size() || slot_[h] == kNone || ids_[h] != recent_ids_[i]) continue;
    const float d = Density(tags_[slot_[h]]);
    if (d < best) victim = slot_[h], best = d;
  }
  if (victim == kNone) victim = 0;  // every candidate ranked +max (cannot happen with finite densities)
  ewma_victim_density_ = kEwmaDecay * ewma_victim_density_ + (1 - kEwmaDecay) * best;
  Tag& t = tags_[victim];
  classes_[ClassOf(t)].evictions[AgeOf(t)] += 1;
  if (t.explorer) explorer_budget_ += t.size;
  const Handle h = t.h;
  Forget(h);
  return h;
}

void LhdPolicy::Reconfigure() {
  for (Class& k : classes_)
    for (uint32_t a = 0; a < kMaxAge; ++a) {
      k.hits[a] *= kEwmaDecay;
      k.evictions[a] *= kEwmaDecay;
    }
  AdaptAgeCoarsening();
  ModelHitDensity();
}

void LhdPolicy::AdaptAgeCoarsening() {
  ewma_objects_ = ewma_objects_ * kEwmaDecay + static_cast<float>(tags_.size());
  ewma_objects_mass_ = ewma_objects_mass_ * kEwmaDecay + 1.f;
  if (reconfigurations_ != 5 && reconfigurations_ != 25) return;
  // 20,000 coarse ages should span the cached objects 1 / 0.01 times.
  const float optimal = ewma_objects_ / ewma_objects_mass_ / (0.01f * kMaxAge);
  uint32_t log2 = 1;
  while (static_cast<float>(1u << log2) < optimal) ++log2;
  const int delta = static_cast<int>(log2) - static_cast<int>(shift_);
  shift_ = log2;
  ewma_objects_ *= 8;
  ewma_objects_mass_ *= 8;
  for (Class& k : classes_) {
    if (delta < 0) {  // finer ages: spread each old bucket over 2^-delta new ones
      const uint32_t d = static_cast<uint32_t>(-delta);
      for (uint32_t a = kMaxAge >> d; a < kMaxAge - 1; ++a) {
        k.hits[kMaxAge - 1] += k.hits[a];
        k.evictions[kMaxAge - 1] += k.evictions[a];
      }
      for (uint32_t a = kMaxAge - 1; a-- > 0;) {
        k.hits[a] = k.hits[a >> d] / static_cast<float>(1u << d);
        k.evictions[a] = k.evictions[a >> d] / static_cast<float>(1u << d);
      }
    } else if (delta > 0) {  // coarser: merge 2^delta old buckets into one
      const uint32_t d = static_cast<uint32_t>(delta);
      for (uint32_t a = 0; a < (kMaxAge >> d); ++a) {
        float hits = 0, evictions = 0;
        for (uint32_t i = 0; i < (1u << d); ++i) {
          hits += k.hits[(a << d) + i];
          evictions += k.evictions[(a << d) + i];
        }
        k.hits[a] = hits;
        k.evictions[a] = evictions;
      }
      for (uint32_t a = kMaxAge >> d; a < kMaxAge - 1; ++a) k.hits[a] = k.evictions[a] = 0;
    }
  }
}

void LhdPolicy::ModelHitDensity() {
  // From the oldest age down: hits still to come over the expected remaining
  // lifetime (the sum, over later ages, of the events not yet happened).
  for (Class& k : classes_) {
    float events = k.hits[kMaxAge - 1] + k.evictions[kMaxAge - 1];
    float hits = k.hits[kMaxAge - 1];
    float lifetime = events;
    for (uint32_t a = kMaxAge - 1; a-- > 0;) {
      hits += k.hits[a];
      events += k.hits[a] + k.evictions[a];
      lifetime += events;
      k.density[a] = events > 1e-5f ? hits / lifetime : 0.f;
    }
  }
}

}  // namespace cachelab::eviction
