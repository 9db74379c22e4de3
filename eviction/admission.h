// Admission filters: a separate gate in front of any eviction policy
// (`cachelab replay --admission NAME[:k=v,...] --policy P`). On every miss the
// replay asks the filter before making room, as libCacheSim's
// cache_can_insert_default does: a refused object is not inserted and the
// miss still counts. The filter sees the request in the mode's unit (size 1 in
// object mode, as cachesim's --ignore-obj-size reader sets it), and it is
// asked before the "larger than the cache" check, so a filter with state
// (bloom, prob's random stream) sees exactly the misses cachesim's sees.
//
//   bloom      admit on the second miss of an id (admission_bloom.cc)
//   prob       admit with probability p (admission_prob.cc)
//   size       admit objects smaller than a threshold (admission_size.cc)
//   adaptsize  admit with probability e^(-size/c), c tuned (admission_adaptsize.cc)
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cachelab::eviction {

class Admission {
 public:
  virtual ~Admission() = default;
  virtual std::string_view Name() const = 0;
  // A missed object asks to enter.
  virtual bool Admit(uint64_t id, uint64_t size, uint64_t now) = 0;
  // Filters that learn from every request (AdaptSize's request rates) say so;
  // the replay then calls OnRequest for each one, hits included.
  virtual bool WantsEveryRequest() const { return false; }
  virtual void OnRequest(uint64_t /*id*/, uint64_t /*size*/) {}
};

struct AdmissionContext {
  uint64_t capacity = 0;  // the cache's size in the mode's unit (AdaptSize models it)
  uint64_t seed = 1;      // random filters, when no seed= is given
};

// `spec` is NAME or NAME:k=v,... (names in any case; libCacheSim's
// "bloom-filter"/"bloomfilter" spellings are accepted). nullptr, with *error
// naming the filter, key or value, on a bad spec.
std::unique_ptr<Admission> MakeAdmission(std::string_view spec, const AdmissionContext& context, std::string* error);
std::vector<std::string> AdmissionNames();

// One constructor per filter, for MakeAdmission. Each parses its own k=v list.
std::unique_ptr<Admission> MakeBloomAdmission(std::string_view params, const AdmissionContext& c, std::string* error);
std::unique_ptr<Admission> MakeProbAdmission(std::string_view params, const AdmissionContext& c, std::string* error);
std::unique_ptr<Admission> MakeSizeAdmission(std::string_view params, const AdmissionContext& c, std::string* error);
std::unique_ptr<Admission> MakeAdaptSizeAdmission(std::string_view params, const AdmissionContext& c,
                                                  std::string* error);

// "k=v,k=v" split into lower-cased keys and trimmed values, with numbers read
// strictly. Shared by the filters' parsers.
struct AdmissionParam {
  std::string key, value;
};
bool SplitAdmissionParams(std::string_view filter, std::string_view params, std::vector<AdmissionParam>* out,
                          std::string* error);
bool AdmissionNumber(std::string_view filter, const AdmissionParam& p, double lo, double hi, double* out,
                     std::string* error);

}  // namespace cachelab::eviction
