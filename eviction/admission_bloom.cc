// Second-hit admission ("cache on second hit", Maggs & Sitaraman, SIGOPS OSR
// 2015, Akamai): an object enters only on its second miss; the first miss just
// records the id. One-hit wonders never take space.
// The record is a Bloom filter (Bloom, CACM 1970): k bit positions per id by
// double hashing (Kirsch & Mitzenmacher, ESA'06). It grows as a scalable Bloom
// filter (Almeida et al., IPL 2007): when a stage holds its planned number of
// ids a stage twice as large with half the false-positive rate is added, so
// the overall rate stays below fp whatever the trace's length, and memory
// follows the distinct ids (about 1.44 log2(1/fp) bits each).
// Parameters: fp= false-positive rate (default 0.001; 0: an exact table of
// every id, no false positives), items= ids planned for the first stage
// (default 65536).
// Source: libCacheSim cache/admission/bloomfilter.c (commit aa0fc409), whose
// "bloom-filter" is in fact an exact hash table of every id that missed (no
// false positives, unbounded): no hash of theirs exists to match. bloom:fp=0
// is that rule and matches `cachesim -a bloom-filter` exactly; with fp > 0 a
// false positive admits an object on its first miss, so the counts differ by
// at most the false positives (tests/eviction_admission_test.cc).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "eviction/admission.h"
#include "eviction/id_map.h"

namespace cachelab::eviction {
namespace {

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

// One stage: a power-of-two bit array sized for `items` ids at rate `fp`.
class BloomStage {
 public:
  BloomStage(uint64_t items, double fp) : planned_(items) {
    const double bits = std::ceil(-static_cast<double>(items) * std::log(fp) / (M_LN2 * M_LN2));
    uint64_t m = 64;
    while (static_cast<double>(m) < bits) m *= 2;
    mask_ = m - 1;
    bits_.assign(m / 64, 0);
    k_ = std::max(1, static_cast<int>(std::lround(-std::log2(fp))));
  }
  bool Contains(uint64_t h1, uint64_t h2) const {
    for (int j = 0; j < k_; ++j) {
      const uint64_t b = (h1 + static_cast<uint64_t>(j) * h2) & mask_;
      if (!(bits_[b >> 6] >> (b & 63) & 1)) return false;
    }
    return true;
  }
  void Add(uint64_t h1, uint64_t h2) {
    for (int j = 0; j < k_; ++j) {
      const uint64_t b = (h1 + static_cast<uint64_t>(j) * h2) & mask_;
      bits_[b >> 6] |= uint64_t{1} << (b & 63);
    }
    ++added_;
  }
  bool Full() const { return added_ >= planned_; }

 private:
  std::vector<uint64_t> bits_;
  uint64_t mask_ = 0, planned_, added_ = 0;
  int k_ = 1;
};

class BloomAdmission final : public Admission {
 public:
  BloomAdmission(double fp, uint64_t items) : fp_(fp), items_(items) {}
  std::string_view Name() const override { return "bloom"; }
  bool Admit(uint64_t id, uint64_t, uint64_t) override {
    if (fp_ == 0) {  // the exact table
      if (exact_.Find(id) != IdMap::kNone) return true;
      exact_.Put(id, 0);
      return false;
    }
    const uint64_t h1 = Mix(id), h2 = Mix(id ^ 0x9e3779b97f4a7c15ULL) | 1;
    for (const auto& s : stages_)
      if (s.Contains(h1, h2)) return true;
    if (stages_.empty() || stages_.back().Full()) {
      // Stage i plans items x 2^i ids at fp x 2^-(i+1): the rates sum below fp.
      const auto i = static_cast<int>(stages_.size());
      stages_.emplace_back(items_ << std::min(i, 20), fp_ * std::ldexp(1.0, -(i + 1)));
    }
    stages_.back().Add(h1, h2);
    return false;
  }

 private:
  double fp_;
  uint64_t items_;
  std::vector<BloomStage> stages_;
  IdMap exact_;
};

}  // namespace

std::unique_ptr<Admission> MakeBloomAdmission(std::string_view params, const AdmissionContext&, std::string* error) {
  std::vector<AdmissionParam> kv;
  if (!SplitAdmissionParams("bloom", params, &kv, error)) return nullptr;
  double fp = 0.001, items = 65536;
  for (const auto& p : kv) {
    if (p.key == "fp") {
      if (!AdmissionNumber("bloom", p, 0, 0.5, &fp, error)) return nullptr;
    } else if (p.key == "items") {
      if (!AdmissionNumber("bloom", p, 1, 1u << 30, &items, error)) return nullptr;
    } else {
      *error = "bloom admission has no parameter '" + p.key + "' (fp, items)";
      return nullptr;
    }
  }
  return std::make_unique<BloomAdmission>(fp, static_cast<uint64_t>(items));
}

}  // namespace cachelab::eviction
