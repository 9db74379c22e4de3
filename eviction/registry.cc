#include <cctype>
#include <utility>

#include "eviction/arc.h"
#include "eviction/cacheus.h"
#include "eviction/belady.h"
#include "eviction/car.h"
#include "eviction/belady_size.h"
#include "eviction/clock.h"
#include "eviction/clockpro.h"
#include "eviction/fifo.h"
#include "eviction/gdsf.h"
#include "eviction/hyperbolic.h"
#include "eviction/lecar.h"
#include "eviction/lfu.h"
#include "eviction/lfuda.h"
#include "eviction/lhd.h"
#include "eviction/lirs.h"
#include "eviction/lru.h"
#include "eviction/lruk.h"
#include "eviction/mq.h"
#include "eviction/policy.h"
#include "eviction/qdlp.h"
#include "eviction/redis_sampled.h"
#include "eviction/s3fifo.h"
#include "eviction/sieve.h"
#include "eviction/slru.h"
#include "eviction/twoq.h"
#include "eviction/wtinylfu.h"
#include "eviction/wtinylfu_adaptive.h"

namespace cachelab::eviction {

std::vector<std::string> PolicyNames() {
  return {"lru",    "fifo",     "clock",  "sieve",  "lfu",       "arc",      "twoq",
          "s3fifo", "wtinylfu", "belady", "random", "redis-lru", "redis-lfu",
          "slru",
          "car",
          "lfuda",  "gdsf",     "lruk",
          "wtinylfu-adaptive",
          "hyperbolic",
          "mq",
          "lecar",
          "clockpro",
          "lhd",
          "qdlp",   "beladysize",
          "lirs",
          "cacheus"};
}

std::string CanonicalPolicyName(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // libCacheSim's cachesim spellings (compared without case, as it does).
  static const std::pair<const char*, const char*> kAliases[] = {
      {"2q", "twoq"},        {"s3-fifo", "s3fifo"},         {"w-tinylfu", "wtinylfu"},
      {"second-chance", "clock"}, {"fifo-reinsertion", "clock"},
      {"lru-k", "lruk"},     {"lru_k", "lruk"},
      {"hillclimberwindowtinylfu", "wtinylfu-adaptive"},  // Caffeine simulator's name
      {"clock-pro", "clockpro"},
      {"belady-size", "beladysize"},
  };
  for (const auto& [alias, canonical] : kAliases)
    if (lower == alias) return canonical;
  return lower;
}

std::unique_ptr<Policy> MakePolicy(std::string_view given, const PolicyOptions& options, std::string* error) {
  const std::string name = CanonicalPolicyName(given);
  if (name == "lru") return std::make_unique<LruPolicy>();
  if (name == "fifo") return std::make_unique<FifoPolicy>();
  if (name == "clock") return std::make_unique<ClockPolicy>();
  if (name == "sieve") return std::make_unique<SievePolicy>();
  if (name == "lfu") return std::make_unique<LfuPolicy>();
  if (name == "arc") return std::make_unique<ArcPolicy>(options);
  if (name == "twoq") return std::make_unique<TwoQPolicy>(options);
  if (name == "s3fifo") return std::make_unique<S3FifoPolicy>(options);
  if (name == "wtinylfu") return std::make_unique<WTinyLfuPolicy>(options);
  if (name == "slru") return std::make_unique<SlruPolicy>(options);
  if (name == "car") return std::make_unique<CarPolicy>(options);
  if (name == "lfuda") return std::make_unique<LfudaPolicy>();
  if (name == "gdsf") return std::make_unique<GdsfPolicy>();
  if (name == "lruk") return std::make_unique<LruKPolicy>(options);
  if (name == "wtinylfu-adaptive") return std::make_unique<WTinyLfuAdaptivePolicy>(options);
  if (name == "hyperbolic") return std::make_unique<HyperbolicPolicy>(options);
  if (name == "mq") return std::make_unique<MqPolicy>(options);
  if (name == "lecar") return std::make_unique<LeCaRPolicy>(options);
  if (name == "clockpro") return std::make_unique<ClockProPolicy>(options);
  if (name == "lhd") return std::make_unique<LhdPolicy>(options);
  if (name == "qdlp") return std::make_unique<QdlpPolicy>(options);
  if (name == "beladysize") return std::make_unique<BeladySizePolicy>(options);
  if (name == "lirs") return std::make_unique<LirsPolicy>(options);
  if (name == "cacheus") return std::make_unique<CacheusPolicy>(options);
  if (name == "belady") return std::make_unique<BeladyPolicy>();
  if (name == "redis-lru") return std::make_unique<RedisSampledPolicy>(RedisSampledPolicy::Mode::kLru, options);
  if (name == "redis-lfu") return std::make_unique<RedisSampledPolicy>(RedisSampledPolicy::Mode::kLfu, options);
  if (name == "random") return std::make_unique<RedisSampledPolicy>(RedisSampledPolicy::Mode::kRandom, options);
  if (error) {
    *error = "unknown eviction policy '" + std::string(given) + "' (";
    for (const auto& n : PolicyNames()) *error += n + (n == PolicyNames().back() ? ")" : ", ");
  }
  return nullptr;
}

}  // namespace cachelab::eviction
